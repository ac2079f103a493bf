using System.Globalization;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Csv;

/// <summary>
/// Checks a CSV file's quoting before it is read: a quote inside a value that does not start with one, text after a
/// closing quote, or a quote that is never closed is reported by its line and column, and never by the value (which
/// would carry a person's data into an error log).
/// </summary>
public static class CsvQuotes
{
    /// <summary>The first quoting problem in <paramref name="csv"/>, or null when every value is quoted properly.</summary>
    public static FieldError? FindProblem(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var header = new List<string>();
        var line = 1;
        var record = 0;
        var field = 0;
        var i = 0;
        while (i <= csv.Length)
        {
            var start = SkipBlanks(csv, i);
            var valueStart = start;
            var valueEnd = start;
            int end;
            if (start < csv.Length && csv[start] == '"')
            {
                var openedOn = line;
                end = start + 1;
                while (true)
                {
                    if (end >= csv.Length)
                    {
                        return Problem(openedOn, record, field, header,
                            "opens a quote that is never closed; end the value with a quote, and double any quote inside it (\"\")");
                    }

                    if (csv[end] == '"')
                    {
                        if (end + 1 < csv.Length && csv[end + 1] == '"')
                        {
                            end += 2;
                            continue;
                        }

                        break;
                    }

                    line += IsLineBreak(csv, end) ? 1 : 0;
                    end++;
                }

                (valueStart, valueEnd) = (start + 1, end);
                end = SkipBlanks(csv, end + 1);
                if (end < csv.Length && csv[end] is not (',' or '\r' or '\n'))
                {
                    return Problem(line, record, field, header,
                        "has text after its closing quote; put the whole value in quotes, and double any quote inside it (\"\")");
                }
            }
            else
            {
                end = start;
                while (end < csv.Length && csv[end] is not (',' or '\r' or '\n'))
                {
                    if (csv[end] == '"')
                    {
                        return Problem(line, record, field, header,
                            "has a quote inside a value that does not start with one; put the whole value in quotes, and double the quote inside it (\"\")");
                    }

                    end++;
                }

                valueEnd = end;
            }

            // Only the header's names are kept, to name a column in an error.
            if (record == 0)
            {
                header.Add(csv[valueStart..valueEnd].Replace("\"\"", "\"", StringComparison.Ordinal).Trim(' ', '\t'));
            }

            if (end >= csv.Length)
            {
                return null;
            }

            if (csv[end] == ',')
            {
                field++;
            }
            else
            {
                line++;
                record++;
                field = 0;
                end += csv[end] == '\r' && end + 1 < csv.Length && csv[end + 1] == '\n' ? 1 : 0;
            }

            i = end + 1;
        }

        return null;
    }

    private static int SkipBlanks(string csv, int i)
    {
        while (i < csv.Length && csv[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    // A line break inside a quoted value: \n, or \r not followed by \n.
    private static bool IsLineBreak(string csv, int i) => csv[i] == '\n' || (csv[i] == '\r' && (i + 1 >= csv.Length || csv[i + 1] != '\n'));

    private static FieldError Problem(int line, int record, int field, List<string> header, string message)
    {
        var column = record > 0 && field < header.Count && header[field].Length > 0
            ? header[field]
            : string.Create(CultureInfo.InvariantCulture, $"column {field + 1}");
        return new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {line}, {column}"), message);
    }
}
