using System.Globalization;

namespace MentorFlow.Reports.Input;

/// <summary>A district's configured program year: its first and last day and its two half-year terms.</summary>
/// <param name="YearStart">First day of the program year.</param>
/// <param name="FirstHalfEnd">Last day of the first half-year term.</param>
/// <param name="SecondHalfStart">First day of the second half-year term.</param>
/// <param name="YearEnd">Last day of the program year.</param>
public sealed record DistrictCalendar(DateOnly YearStart, DateOnly FirstHalfEnd, DateOnly SecondHalfStart, DateOnly YearEnd)
{
    /// <summary>The program's default dates for <paramref name="programYear"/> ("2026-2027"): 1 September, 22 January, 25 January, 15 June.</summary>
    public static DistrictCalendar Default(string programYear)
    {
        ArgumentNullException.ThrowIfNull(programYear);
        var start = int.Parse(programYear.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return new(new DateOnly(start, 9, 1), new DateOnly(start + 1, 1, 22), new DateOnly(start + 1, 1, 25), new DateOnly(start + 1, 6, 15));
    }

    /// <summary>
    /// The term <paramref name="day"/> falls in: FirstHalf, SecondHalf, BetweenTerms (after the first half ends, before the
    /// second starts), BeforeYear or AfterYear (an extension runs past the last day).
    /// </summary>
    public string TermOf(DateOnly day) =>
        day < YearStart ? "BeforeYear"
        : day <= FirstHalfEnd ? "FirstHalf"
        : day < SecondHalfStart ? "BetweenTerms"
        : day <= YearEnd ? "SecondHalf"
        : "AfterYear";
}
