using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Settings;
using MentorFlow.Functions.Api;

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

    private static readonly HashSet<string> Optional = new(StringComparer.Ordinal)
    {
        "eligibilityOverride", "mentorTrainedOn", "mentorRating", "menteeTrainedOn", "menteeRating",
    };

    /// <summary>The rows of <paramref name="csv"/> that could be read, with their line numbers, and every problem found.</summary>
    public static (IReadOnlyList<(int Line, PairingRequest Request)> Rows, IReadOnlyList<FieldError> Errors) Read(TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = csv.ReadToEnd();
        if (CsvQuotes.FindProblem(text) is { } quoting)
        {
            return ([], [quoting]);
        }

        try
        {
            return ReadChecked(new StringReader(text));
        }
        catch (CsvHelperException ex)
        {
            // The reader's message quotes the raw row (a person's data): say where, never what.
            var line = ex.Context?.Parser?.RawRow ?? 1;
            return ([], [new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {line}"), "cannot be read as CSV; check its quotes and commas")]);
        }
    }

    private static (IReadOnlyList<(int Line, PairingRequest Request)> Rows, IReadOnlyList<FieldError> Errors) ReadChecked(TextReader csv)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false };
        using var reader = new CsvReader(csv, configuration);
        var errors = new List<FieldError>();
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { Length: > 0 } header)
        {
            return ([], [new FieldError("line 1", $"the file is empty; the first line must be the header: {string.Join(",", Columns)}")]);
        }

        foreach (var missing in Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("line 1", $"the header has no '{missing}' column; the header must be: {string.Join(",", Columns)}"));
        }

        foreach (var unknown in header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("line 1", $"'{unknown}' is not a column of this import; remove it or check its spelling"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<(int, PairingRequest)>();
        while (reader.Read())
        {
            var line = FirstLine(reader.Parser);
            if (reader.Parser.Record is { } record && record.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line
            }

            if (reader.Parser.Count != header.Length)
            {
                errors.Add(new FieldError($"line {line}", $"has {reader.Parser.Count} values but the header has {header.Length}; check for a missing or extra comma"));
                continue;
            }

            var row = new Row(reader, line, errors);
            var request = row.Request();
            if (request is not null)
            {
                rows.Add((line, request));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("line 2", "the file has a header but no pairings"));
        }

        return (rows, errors);
    }

    // The line a record starts on: a quoted value may hold line breaks, and the parser counts to the record's last line.
    private static int FirstLine(IParser parser) =>
        parser.RawRow - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');

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

    // One row's values, parsed column by column; each bad value is an error naming its line and column.
    private sealed class Row(CsvReader reader, int line, List<FieldError> errors)
    {
        private int _errors;

        public PairingRequest? Request()
        {
            var request = new PairingRequest(
                Text("districtId"), Text("programYear"), Text("school"), Number("inductionYear"), Choice<PairingTerm>("term"), Date("startsOn"),
                Person("mentor"), Person("mentee"), Optional("eligibilityOverride"));
            foreach (var tooLong in PairingTextLimits.Check(request))
            {
                Fail(ColumnFor(tooLong.Field), tooLong.Message);
            }

            return _errors == 0 ? request : null;
        }

        private EducatorRequest Person(string who) => new(
            Text(who + "EmployeeId"), Text(who + "Name"), Text(who + "Email"), Choice<EducatorRole>(who + "Role"), Text(who + "School"),
            Number(who + "YearsOfExperience"), OptionalDate(who + "TrainedOn"), OptionalChoice<RatingBand>(who + "Rating"));

        private string? Optional(string column) => reader.GetField(column) is { Length: > 0 } value ? value : null;

        private string Text(string column)
        {
            var value = Optional(column);
            if (value is null && !PairingCsv.Optional.Contains(column))
            {
                Fail(column, "is empty; it is required");
            }

            return value ?? "";
        }

        private int Number(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return 0;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : Fail(column, $"'{text}' is not a whole number", 0);
        }

        private DateOnly Date(string column) => OptionalDate(column, required: true) ?? default;

        private DateOnly? OptionalDate(string column, bool required = false)
        {
            var text = required ? Text(column) : Optional(column);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : Fail<DateOnly?>(column, $"'{text}' is not a date written YYYY-MM-DD, e.g. 2026-09-01", null);
        }

        private T Choice<T>(string column)
            where T : struct, Enum => OptionalChoice<T>(column, required: true) ?? default;

        private T? OptionalChoice<T>(string column, bool required = false)
            where T : struct, Enum
        {
            var text = required ? Text(column) : Optional(column);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
                ? value
                : Fail<T?>(column, $"'{text}' is not one of: {string.Join(", ", Enum.GetNames<T>())}", null);
        }

        private void Fail(string column, string message)
        {
            _errors++;
            errors.Add(new FieldError($"line {line}, {column}", message));
        }

        private TValue Fail<TValue>(string column, string message, TValue fallback)
        {
            Fail(column, message);
            return fallback;
        }
    }
}
