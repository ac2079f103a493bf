using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Csv;

/// <summary>
/// Reads a CSV file HR sends under a fixed header (any column order): the whole file is read and checked first; any bad
/// row (a bad value, a broken quote, a missing comma) is reported by line and column, never by its value (a person's data).
/// </summary>
/// <param name="Columns">The columns, in the documented order; the header must name each exactly once.</param>
/// <param name="Optional">The columns that may be empty.</param>
/// <param name="RowsName">What a row is, plural, for the error of a file without any (e.g. "pairings").</param>
public sealed record CsvFile(IReadOnlyList<string> Columns, IReadOnlySet<string> Optional, string RowsName)
{
    /// <summary>The rows of <paramref name="csv"/> that could be read, with their line numbers, and every problem found.</summary>
    /// <param name="csv">The file.</param>
    /// <param name="read">Reads one row's values; null when one of them was refused (the refusal is in the fields' errors).</param>
    public (IReadOnlyList<(int Line, T Row)> Rows, IReadOnlyList<FieldError> Errors) Read<T>(TextReader csv, Func<CsvFields, T?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(read);
        var text = csv.ReadToEnd();
        if (CsvQuotes.FindProblem(text) is { } quoting)
        {
            return ([], [quoting]);
        }

        try
        {
            return ReadChecked(new StringReader(text), read);
        }
        catch (CsvHelperException ex)
        {
            // The reader's message quotes the raw row (a person's data): say where, never what.
            var line = ex.Context?.Parser?.RawRow ?? 1;
            return ([], [new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {line}"), "cannot be read as CSV; check its quotes and commas")]);
        }
    }

    private (IReadOnlyList<(int Line, T Row)> Rows, IReadOnlyList<FieldError> Errors) ReadChecked<T>(TextReader csv, Func<CsvFields, T?> read)
        where T : class
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false };
        using var reader = new CsvReader(csv, configuration);
        var errors = new List<FieldError>();
        var expected = string.Join(",", Columns);
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { Length: > 0 } header)
        {
            return ([], [new FieldError("line 1", $"the file is empty; the first line must be the header: {expected}")]);
        }

        foreach (var missing in Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("line 1", $"the header has no '{missing}' column; the header must be: {expected}"));
        }

        foreach (var unknown in header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError("line 1", $"'{unknown}' is not a column of this file; remove it or check its spelling"));
        }

        if (errors.Count > 0)
        {
            return ([], errors);
        }

        var rows = new List<(int, T)>();
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

            var fields = new CsvFields(reader, line, Optional, errors);
            if (read(fields) is { } row && fields.Refused == 0)
            {
                rows.Add((line, row));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FieldError("line 2", $"the file has a header but no {RowsName}"));
        }

        return (rows, errors);
    }

    // The line a record starts on: a quoted value may hold line breaks, and the parser counts to the record's last line.
    private static int FirstLine(IParser parser) =>
        parser.RawRow - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
}
