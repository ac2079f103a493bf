using System.Globalization;

namespace MentorFlow.Functions.Pages;

/// <summary>
/// Reads a posted form's fields by name, as the form names them; a value that cannot be read gets its message in
/// <see cref="Errors"/> beside the field, and the field keeps what it had.
/// </summary>
public sealed class PostedForm(IFormCollection form, FieldErrors errors)
{
    /// <summary>What is wrong so far.</summary>
    public FieldErrors Errors { get; } = errors;

    /// <summary>The names of the fields the form sent.</summary>
    public IEnumerable<string> Names => form.Keys;

    /// <summary>True when the form sent a field named <paramref name="name"/>.</summary>
    public bool Has(string name) => form.ContainsKey(name);

    /// <summary>Every value sent for <paramref name="name"/>.</summary>
    public IReadOnlyList<string> All(string name) => [.. form[name].Select(v => v ?? "")];

    /// <summary>The text sent for <paramref name="name"/> (null when empty); <paramref name="absent"/> when it was not sent.</summary>
    public string? Text(string name, string? absent = null) =>
        form.TryGetValue(name, out var values) ? (string.IsNullOrEmpty(values.ToString()) ? null : values[0]) : absent;

    /// <summary>A checkbox: true when its first value says true; false when not sent.</summary>
    public bool Flag(string name)
    {
        if (Text(name) is not { } value)
        {
            return false;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        Errors.Add(name, "Tick the box or leave it empty.");
        return false;
    }

    /// <summary>A whole number; <paramref name="absent"/> when not sent or empty, with <paramref name="message"/> when it is not a number.</summary>
    public int Number(string name, int absent, string message)
    {
        if (Text(name) is not { } value)
        {
            return absent;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Errors.Add(name, message);
        return absent;
    }

    /// <summary>One of <typeparamref name="TChoice"/>'s values (by name or number); <paramref name="absent"/> when not sent, with <paramref name="message"/> when not one of them.</summary>
    public TChoice Choice<TChoice>(string name, TChoice absent, string message)
        where TChoice : struct, Enum
    {
        if (Text(name) is not { } value)
        {
            return absent;
        }

        if (Enum.TryParse<TChoice>(value, ignoreCase: true, out var choice) && Enum.IsDefined(choice))
        {
            return choice;
        }

        Errors.Add(name, message);
        return absent;
    }
}
