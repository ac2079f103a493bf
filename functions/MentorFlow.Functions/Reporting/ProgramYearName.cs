using System.Globalization;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// A program year's name, e.g. "2026-2027": two consecutive years, the first from <see cref="FirstStartYear"/> to
/// <see cref="LastStartYear"/>. Anything else ("0000-0001", "2027-2026") names no year a district could run.
/// </summary>
public static class ProgramYearName
{
    /// <summary>The earliest year a program year may start in.</summary>
    public const int FirstStartYear = 2000;

    /// <summary>The latest year a program year may start in.</summary>
    public const int LastStartYear = 2099;

    /// <summary>What to write instead, for an error.</summary>
    public static readonly string Expected = string.Create(CultureInfo.InvariantCulture,
        $"write the program year as two consecutive years like 2026-2027, starting from {FirstStartYear} to {LastStartYear}.");

    /// <summary>True when <paramref name="name"/> is a program year written "YYYY-YYYY" with consecutive years in range.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: 9 } && name[4] == '-'
        && int.TryParse(name.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
        && int.TryParse(name.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
        && start is >= FirstStartYear and <= LastStartYear && end == start + 1;
}
