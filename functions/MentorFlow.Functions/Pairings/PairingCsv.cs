using MentorFlow.Core.Educators;
using MentorFlow.Core.Settings;
using MentorFlow.Functions.Api;
using MentorFlow.Functions.Csv;

namespace MentorFlow.Functions.Pairings;

/// <summary>
/// The CSV form of HR intake (<c>POST /api/pairings/import</c>): one pairing per row under a fixed header. The whole
/// file is read and checked first; any bad row (a bad value, a broken quote) is reported by line and column and nothing
/// of the file is imported.
/// </summary>
public static class PairingCsv
{
    /// <summary>The columns, in the documented order; the header must name each exactly once (any order).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "districtId", "programYear", "school", "inductionYear", "term", "startsOn", "eligibilityOverride",
        "mentorEmployeeId", "mentorName", "mentorEmail", "mentorRole", "mentorSchool", "mentorYearsOfExperience", "mentorTrainedOn", "mentorRating",
        "menteeEmployeeId", "menteeName", "menteeEmail", "menteeRole", "menteeSchool", "menteeYearsOfExperience", "menteeTrainedOn", "menteeRating",
    ];

    private static readonly CsvFile File = new(Columns, new HashSet<string>(
        ["eligibilityOverride", "mentorTrainedOn", "mentorRating", "menteeTrainedOn", "menteeRating"], StringComparer.Ordinal), "pairings");

    /// <summary>The rows of <paramref name="csv"/> that could be read, with their line numbers, and every problem found.</summary>
    public static (IReadOnlyList<(int Line, PairingRequest Request)> Rows, IReadOnlyList<FieldError> Errors) Read(TextReader csv) =>
        File.Read(csv, Request);

    /// <summary>The CSV column a request field is read from, for a rule's error (e.g. <c>mentor.email</c> is <c>mentorEmail</c>).</summary>
    public static string ColumnFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var parts = field.Split('.');
        if (parts.Length >= 2 && parts[0] is "mentor" or "mentee")
        {
            return parts[0] + char.ToUpperInvariant(parts[1][0]) + parts[1][1..];
        }

        return parts[0] == "eligibility" ? "mentorTrainedOn" : parts[0];
    }

    private static PairingRequest? Request(CsvFields row)
    {
        var request = new PairingRequest(
            row.Text("districtId"), row.Text("programYear"), row.Text("school"), row.Number("inductionYear"), row.Choice<PairingTerm>("term"), row.Date("startsOn"),
            Person(row, "mentor"), Person(row, "mentee"), row.Optional("eligibilityOverride"));
        foreach (var tooLong in PairingTextLimits.Check(request))
        {
            row.Fail(ColumnFor(tooLong.Field), tooLong.Message);
        }

        return row.Refused == 0 ? request : null;
    }

    private static EducatorRequest Person(CsvFields row, string who) => new(
        row.Text(who + "EmployeeId"), row.Text(who + "Name"), row.Text(who + "Email"), row.Choice<EducatorRole>(who + "Role"), row.Text(who + "School"),
        row.Number(who + "YearsOfExperience"), row.OptionalDate(who + "TrainedOn"), row.OptionalChoice<RatingBand>(who + "Rating"));
}
