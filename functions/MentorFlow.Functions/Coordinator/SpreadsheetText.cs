namespace MentorFlow.Functions.Coordinator;

/// <summary>
/// Text for a cell of a file meant for Excel: a value starting with =, +, -, @, a tab or a carriage return would be
/// read as a formula (CSV injection), so it gets a leading single quote, as OWASP advises. Numbers are written as they
/// are: only text columns go through here, so a negative number stays a number.
/// </summary>
public static class SpreadsheetText
{
    /// <summary><paramref name="text"/>, with a single quote before it when its first character would start a formula.</summary>
    public static string? Neutralized(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
