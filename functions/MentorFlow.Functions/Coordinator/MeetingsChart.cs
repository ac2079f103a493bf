using System.Globalization;
using System.Net;
using System.Text;

namespace MentorFlow.Functions.Coordinator;

/// <summary>
/// Meetings per week as a server-rendered SVG bar chart drawn at its own size (a phone scrolls it sideways, nothing is
/// stretched): a value axis with gridlines, month labels under the first week of each month, each bar's count above it
/// when there is room, and a text alternative for screen readers.
/// </summary>
public static class MeetingsChart
{
    private const int Left = 34, Top = 16, PlotHeight = 120, Bottom = 22, Right = 8, Gap = 3;

    /// <summary>The chart for <paramref name="weeks"/> (weeks without meetings between logged ones shown as empty), in a scrolling wrapper.</summary>
    public static string Svg(IReadOnlyList<(DateOnly Week, int Meetings)> weeks, string title)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return $"<p class=\"muted\">{WebUtility.HtmlEncode(title)}: no meetings logged yet.</p>";
        }

        var c = CultureInfo.InvariantCulture;
        var first = weeks[0].Week;
        var count = ((weeks[^1].Week.DayNumber - first.DayNumber) / 7) + 1;
        var byWeek = weeks.ToDictionary(w => w.Week, w => w.Meetings);
        var max = Math.Max(1, weeks.Max(w => w.Meetings));
        var top = NiceTop(max);
        var barWidth = Math.Clamp(640 / count, 10, 28) - Gap;
        var width = Left + (count * (barWidth + Gap)) + Right;
        var height = Top + PlotHeight + Bottom;
        var total = weeks.Sum(w => w.Meetings);
        // A region the keyboard can reach, as a phone's reader scrolls it.
        var svg = new StringBuilder($"<div class=\"chart-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        svg.Append(c, $"<svg role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" aria-labelledby=\"chart-title\" font-size=\"11\" fill=\"#1b1f24\">");
        svg.Append(c, $"<title id=\"chart-title\">{WebUtility.HtmlEncode(title)}: {total} meetings over {count} weeks from {first:d MMM yyyy}, at most {max} in a week.</title>");

        // The value axis: 0, half and the top, each with a gridline across the plot.
        foreach (var value in new[] { 0, top / 2, top }.Distinct())
        {
            var y = Top + PlotHeight - (PlotHeight * value / top);
            svg.Append(c, $"<line x1=\"{Left}\" x2=\"{width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{(value == 0 ? "#1b1f24" : "#d0d7de")}\" />");
            svg.Append(c, $"<text x=\"{Left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{value}</text>");
        }

        for (var i = 0; i < count; i++)
        {
            var week = first.AddDays(7 * i);
            var meetings = byWeek.GetValueOrDefault(week);
            var x = Left + (i * (barWidth + Gap));
            var barHeight = PlotHeight * meetings / top;
            svg.Append(c, $"<rect x=\"{x}\" y=\"{Top + PlotHeight - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\" fill=\"#0b5cad\"><title>Week of {week:d MMM yyyy}: {meetings} meetings</title></rect>");
            if (meetings > 0 && barWidth >= 14)
            {
                svg.Append(c, $"<text x=\"{x + (barWidth / 2)}\" y=\"{Top + PlotHeight - barHeight - 3}\" text-anchor=\"middle\">{meetings}</text>");
            }

            // A month's label under its first week (and under the first bar, whatever its day).
            if (i == 0 || week.Month != week.AddDays(-7).Month)
            {
                svg.Append(c, $"<text x=\"{x}\" y=\"{Top + PlotHeight + 15}\">{week:MMM}</text>");
            }
        }

        svg.Append("</svg></div>");
        return svg.ToString();
    }

    // A round, even top for the value axis at or above the largest week, so its half is a whole number too.
    private static int NiceTop(int max)
    {
        for (var power = 1; ; power *= 10)
        {
            foreach (var step in new[] { 2, 4, 6, 8, 10 })
            {
                if (step * power >= max)
                {
                    return step * power;
                }
            }
        }
    }
}
