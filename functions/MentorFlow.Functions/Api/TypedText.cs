using System.Globalization;

namespace MentorFlow.Functions.Api;

/// <summary>
/// What a person typed or chose, read as the program's values: a day written YYYY-MM-DD (as a date input sends it) and a
/// value of an enumeration by its name — never by its number, which would accept codes no form or file offers.
/// </summary>
public static class TypedText
{
    /// <summary>The day <paramref name="text"/> writes as YYYY-MM-DD, or null.</summary>
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The value of <typeparamref name="T"/> that <paramref name="text"/> names (in any case when <paramref name="ignoreCase"/>), or null.</summary>
    public static T? Named<T>(string? text, bool ignoreCase = false)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase, out var value) && Enum.IsDefined(value) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? value : null;
}
