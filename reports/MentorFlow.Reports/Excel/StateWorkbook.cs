using ClosedXML.Excel;
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
    public static void Write(string programYear, IReadOnlyList<DistrictYear> districts, Stream output) => Write(PublishedYear.Of(programYear, districts), output);

    /// <summary>Writes the workbook of <paramref name="published"/> to <paramref name="output"/>.</summary>
    public static void Write(PublishedYear published, Stream output)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(output);
        var programYear = published.ProgramYear;
        var rows = published.Rows;
        var template = rows[^1].Figures;
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
            $"Published figures follow the DESE educator-data suppression rule: a figure describing 1 to {SmallCellSuppression.Threshold - 1} educators or pairings is suppressed,",
            "and so is any further figure (in the district's row, another district's row or the statewide row) from which such a count could be worked back",
            "by arithmetic: a share and its denominator, a total less its parts, the statewide total less the other districts (complementary suppression).",
            "When every educator of an outcome or share falls in one category (all retained, all completed, all meeting weekly), that outcome's figures",
            "are suppressed (homogeneity). A published 0 describes no educator. A suppressed cell is empty and shaded, and its key is listed in the Suppressed column.",
            "No names, employee ids or mentoring notes are in this file.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            notes.Cell(i + 1, 1).Value = lines[i];
        }

        workbook.SaveAs(output);
    }
}
