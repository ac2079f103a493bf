using MentorFlow.Core.Educators;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Csv;
using MentorFlow.Functions.Pairings;

namespace MentorFlow.Functions.Hires;

/// <summary>
/// The CSV form of HR's roster of beginning educators for a district year: one educator per row under a fixed header.
/// <c>employedNextYear</c> stays empty until HR knows (1 October of the next school year), then the roster is sent again.
/// </summary>
public static class HireCsv
{
    /// <summary>The columns, in the documented order; the header must name each exactly once (any order).</summary>
    public static readonly IReadOnlyList<string> Columns = ["employeeId", "name", "school", "role", "inductionYear", "hiredOn", "employedNextYear"];

    private static readonly CsvFile File = new(Columns, new HashSet<string>(["employedNextYear"], StringComparer.Ordinal), "educators");

    /// <summary>The rows of <paramref name="csv"/> that could be read, with their line numbers, and every problem found.</summary>
    public static (IReadOnlyList<(int Line, Hire Hire)> Rows, IReadOnlyList<FieldError> Errors) Read(TextReader csv) => File.Read(csv, Read);

    private static Hire? Read(CsvFields row)
    {
        var hire = new Hire(row.Text("employeeId"), row.Text("name"), row.Text("school"), row.Choice<EducatorRole>("role"), row.Number("inductionYear"),
            row.Date("hiredOn"), row.OptionalYesNo("employedNextYear"));
        foreach (var (column, text, limit) in new[]
        {
            ("employeeId", hire.EmployeeId, PairingTextLimits.EmployeeId), ("name", hire.Name, PairingTextLimits.Name), ("school", hire.School, PairingTextLimits.School),
        })
        {
            foreach (var refused in PairingTextLimits.Check(column, text, limit))
            {
                row.Fail(column, refused.Message);
            }
        }

        if (hire.InductionYear is not (>= 1 and <= 3) && row.Refused == 0)
        {
            row.Fail("inductionYear", "the induction year must be 1, 2 or 3");
        }

        return hire;
    }
}
