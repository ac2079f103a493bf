using System.Globalization;
using CsvHelper;
using MentorFlow.Functions.Api;

namespace MentorFlow.Functions.Csv;

/// <summary>One CSV row's values, parsed column by column; each bad value is an error naming its line and column.</summary>
public sealed class CsvFields
{
    private readonly CsvReader _reader;
    private readonly IReadOnlySet<string> _optional;
    private readonly List<FieldError> _errors;

    internal CsvFields(CsvReader reader, int line, IReadOnlySet<string> optional, List<FieldError> errors)
    {
        _reader = reader;
        Line = line;
        _optional = optional;
        _errors = errors;
    }

    /// <summary>The line the row starts on.</summary>
    public int Line { get; }

    /// <summary>How many of the row's values were refused.</summary>
    public int Refused { get; private set; }

    /// <summary>The column's text, or null when it is empty.</summary>
    public string? Optional(string column) => _reader.GetField(column) is { Length: > 0 } value ? value : null;

    /// <summary>The column's text; empty (and refused, unless the column is optional) when it is empty.</summary>
    public string Text(string column)
    {
        var value = Optional(column);
        if (value is null && !_optional.Contains(column))
        {
            Fail(column, "is empty; it is required");
        }

        return value ?? "";
    }

    /// <summary>The column's whole number; 0 when it is empty or not a number (refused).</summary>
    public int Number(string column)
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

    /// <summary>The column's date, written YYYY-MM-DD.</summary>
    public DateOnly Date(string column) => OptionalDate(column, required: true) ?? default;

    /// <summary>The column's date, written YYYY-MM-DD, or null when it is empty (and may be).</summary>
    public DateOnly? OptionalDate(string column, bool required = false)
    {
        var text = required ? Text(column) : Optional(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return TypedText.Day(text) is { } date
            ? date
            : Fail<DateOnly?>(column, $"'{text}' is not a date written YYYY-MM-DD, e.g. 2026-09-01", null);
    }

    /// <summary>The column's value of <typeparamref name="T"/>, by name (any case).</summary>
    public T Choice<T>(string column)
        where T : struct, Enum => OptionalChoice<T>(column, required: true) ?? default;

    /// <summary>The column's value of <typeparamref name="T"/>, by name (any case), or null when it is empty (and may be).</summary>
    public T? OptionalChoice<T>(string column, bool required = false)
        where T : struct, Enum
    {
        var text = required ? Text(column) : Optional(column);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return TypedText.Named<T>(text, ignoreCase: true) is { } value
            ? value
            : Fail<T?>(column, $"'{text}' is not one of: {string.Join(", ", Enum.GetNames<T>())}", null);
    }

    /// <summary>Yes or no (also true/false, y/n), or null when the column is empty.</summary>
    public bool? OptionalYesNo(string column)
    {
        var text = Optional(column);
        return text?.ToUpperInvariant() switch
        {
            null => null,
            "YES" or "Y" or "TRUE" => true,
            "NO" or "N" or "FALSE" => false,
            _ => Fail<bool?>(column, $"'{text}' is not yes or no; leave it empty when it is not known yet", null),
        };
    }

    /// <summary>Refuses the row's value in <paramref name="column"/>.</summary>
    public void Fail(string column, string message)
    {
        Refused++;
        _errors.Add(new FieldError(string.Create(CultureInfo.InvariantCulture, $"line {Line}, {column}"), message));
    }

    private TValue Fail<TValue>(string column, string message, TValue fallback)
    {
        Fail(column, message);
        return fallback;
    }
}
