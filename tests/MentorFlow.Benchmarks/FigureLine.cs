using System.Globalization;

namespace MentorFlow.Benchmarks;

/// <summary>Writes one figure line, formatted the same on every machine (invariant culture), so people and tests can read it.</summary>
internal static class FigureLine
{
    public static Task WriteAsync(TextWriter figures, FormattableString line) => figures.WriteLineAsync(line.ToString(CultureInfo.InvariantCulture));
}
