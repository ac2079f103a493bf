using ClosedXML.Excel;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Excel;

/// <summary>
/// A district's workbook for its state submission (it may carry names; it is not published): every figure of the state
/// report with its definition, the pairings, meetings by week, observations, and the lists of beginning educators and
/// mentors the regulation asks for.
/// </summary>
public static class DistrictWorkbook
{
    /// <summary>Writes the workbook for <paramref name="year"/> to <paramref name="output"/>.</summary>
    public static void Write(DistrictYear year, Stream output)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(output);
        year = AcceptedYear.Of(year);
        using var workbook = new XLWorkbook();
        var figures = DistrictFigures.Compute(year);
        WriteSummary(workbook, year, figures);
        SheetLayout.Table(workbook, "Pairings", "Pairings",
            [new("Pairing", 26), new("School", 24), new("Mentor id", 12), new("Mentee id", 12), new("Induction year", 10, "0"), new("Term", 12),
             new("Starts on", 12, "yyyy-mm-dd"), new("Required hours", 10, "0.0"), new("Confirmed hours outside the day", 14, "0.0"), new("Requirement met", 10),
             new("Result", 12), new("Ended on", 12, "yyyy-mm-dd"), new("Plan started", 10), new("Meeting frequency", 14), new("Mentee retained", 10),
             new("Mentor satisfaction", 10, "0"), new("Mentee satisfaction", 10, "0")],
            year.Pairings.OrderBy(p => p.School, StringComparer.Ordinal).ThenBy(p => p.PairingId, StringComparer.Ordinal).Select(p => new object?[]
            {
                p.PairingId, p.School, p.MentorId, p.MenteeId, p.InductionYear, p.Term, p.StartsOn, p.RequiredHours, p.ConfirmedHoursOutside, p.RequirementMet,
                p.Result.ToString(), p.EndedOn, p.PlanStarted, p.Frequency, p.MenteeRetained, p.MentorSatisfaction, p.MenteeSatisfaction,
            }));
        SheetLayout.Table(workbook, "Meetings by week", "MeetingsByWeek",
            [new("Week of (Monday)", 14, "yyyy-mm-dd"), new("Meetings and conversations", 14, "#,##0"), new("Pairings that met", 12, "#,##0"),
             new("Hours", 10, "#,##0.0"), new("Hours outside the day", 12, "#,##0.0"), new("Virtual", 10, "#,##0")],
            year.Interactions.GroupBy(i => Monday(i.Date)).OrderBy(g => g.Key).Select(g => new object?[]
            {
                g.Key, g.Count(), g.Select(i => i.PairingId).Distinct(StringComparer.Ordinal).Count(), g.Sum(i => i.Minutes) / 60m,
                g.Where(i => i.OutsideContractDay).Sum(i => i.Minutes) / 60m, g.Count(i => i.Virtual),
            }));
        SheetLayout.Table(workbook, "Observations", "Observations",
            [new("Pairing", 26), new("Type", 24), new("Observed on", 12, "yyyy-mm-dd"), new("Substitute hours", 12, "0.0")],
            year.Observations.OrderBy(o => o.ObservedOn).Select(o => new object?[] { o.PairingId, o.Type, o.ObservedOn, o.SubstituteHours }));
        SheetLayout.Table(workbook, "Beginning teachers", "BeginningTeachers",
            [new("Employee id", 12), new("Name", 26), new("School", 24), new("Role", 20), new("Induction year", 10, "0"), new("First day", 12, "yyyy-mm-dd")],
            year.BeginningTeachers.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new object?[] { t.EmployeeId, t.Name, t.School, t.Role, t.InductionYear, t.HiredOn }));
        SheetLayout.Table(workbook, "Mentors", "Mentors",
            [new("Employee id", 12), new("Name", 26), new("School", 24), new("Years of experience", 12, "0"), new("Trained on", 12, "yyyy-mm-dd"),
             new("Stipend", 12, "$#,##0.00"), new("PDPs", 8, "0")],
            year.Mentors.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new object?[] { m.EmployeeId, m.Name, m.School, m.YearsOfExperience, m.TrainedOn, m.Stipend, m.Pdps }));
        workbook.SaveAs(output);
    }

    private static void WriteSummary(XLWorkbook workbook, DistrictYear year, IReadOnlyList<Figure> figures)
    {
        var sheet = SheetLayout.Table(workbook, "Summary", "Figures",
            [new("Key", 30), new("Figure", 44), new("Value", 14), new("Definition", 90)],
            figures.Select(f => new object?[] { f.Key, f.Label, f.Value, f.Definition }));
        for (var i = 0; i < figures.Count; i++)
        {
            sheet.Cell(i + 2, 3).Style.NumberFormat.Format = FigureFormats.For(figures[i].Kind);
        }

        // Who and when, and what the district says in words, under the table.
        var row = figures.Count + 3;
        sheet.Cell(row++, 1).Value = $"{year.DistrictName} ({year.DistrictId}), program year {year.ProgramYear}";
        foreach (var (title, lines) in new[] { ("Going well", year.Narrative.GoingWell), ("To improve", year.Narrative.ToImprove), ("Partnerships", year.Narrative.Partnerships) })
        {
            sheet.Cell(row, 1).Value = title;
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row++, 2).Value = lines.Count == 0 ? "(none reported)" : string.Join("; ", lines);
        }

        sheet.Column(4).Style.Alignment.WrapText = true;
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
