using ClosedXML.Excel;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.Excel;

/// <summary>
/// The statewide workbook, for publishing: one row per district and a statewide row, every figure de-identified and
/// suppressed. A suppressed cell is empty, shaded, and named in the row's "Suppressed" column; never a zero.
/// </summary>
public static class StateWorkbook
{
    /// <summary>The shading of a suppressed cell.</summary>
    public static readonly XLColor SuppressedFill = XLColor.FromHtml("#E7E6E6");

    /// <summary>Writes the workbook for <paramref name="districts"/> to <paramref name="output"/>.</summary>
    public static void Write(string programYear, IReadOnlyList<DistrictYear> districts, Stream output)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(output);
        var rows = districts.OrderBy(d => d.DistrictId, StringComparer.Ordinal)
            .Select(d => (d.DistrictId, d.DistrictName, Figures: SmallCellSuppression.Apply(DistrictFigures.Compute(d))))
            .Append((DistrictId: "statewide", DistrictName: "Statewide", Figures: SmallCellSuppression.Apply(DistrictFigures.Compute(Statewide.Of(programYear, districts)))))
            .ToList();
        var template = DistrictFigures.Compute(Statewide.Of(programYear, []));
        using var workbook = new XLWorkbook();
        List<Column> columns = [new("District id", 16), new("District", 28), .. template.Select(f => new Column(f.Label, 14, FigureFormats.For(f.Kind))), new("Suppressed", 40)];
        var sheet = SheetLayout.Table(workbook, "Districts", "Districts", columns,
            rows.Select(r => new object?[] { r.DistrictId, r.DistrictName }
                .Concat(r.Figures.Select(f => (object?)f.Value))
                .Append(string.Join("; ", r.Figures.Where(f => f.Suppressed).Select(f => f.Key)))
                .ToArray()));
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Figures.Count; c++)
            {
                if (rows[r].Figures[c].Suppressed)
                {
                    sheet.Cell(r + 2, c + 3).Style.Fill.BackgroundColor = SuppressedFill;
                }
            }
        }

        var notes = workbook.AddWorksheet("About");
        notes.Column(1).Width = 120;
        string[] lines =
        [
            $"MentorFlow statewide induction and mentoring figures, program year {programYear}.",
            $"Published figures follow the DESE educator-data suppression rule: a figure describing fewer than {SmallCellSuppression.Threshold} educators is suppressed,",
            "with complementary suppression (a second cell of the same distribution) so it cannot be recovered from totals, and a distribution whose",
            "educators all fall in one category is suppressed whole. A suppressed cell is empty and shaded, and its key is listed in the Suppressed column.",
            "No names, employee ids or mentoring notes are in this file.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            notes.Cell(i + 1, 1).Value = lines[i];
        }

        workbook.SaveAs(output);
    }
}
