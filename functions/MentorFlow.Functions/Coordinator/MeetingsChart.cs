using System.Globalization;
using System.Text;

namespace MentorFlow.Functions.Coordinator;

/// <summary>Meetings per week as a small server-rendered SVG bar chart, with a text alternative for screen readers.</summary>
public static class MeetingsChart
{
    /// <summary>The SVG for <paramref name="weeks"/> (empty weeks between logged ones shown as gaps).</summary>
    public static string Svg(IReadOnlyList<(DateOnly Week, int Meetings)> weeks, string title)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return $"<p class=\"muted\">{System.Net.WebUtility.HtmlEncode(title)}: no meetings logged yet.</p>";
        }

        var first = weeks[0].Week;
        var count = ((weeks[^1].Week.DayNumber - first.DayNumber) / 7) + 1;
        var byWeek = weeks.ToDictionary(w => w.Week, w => w.Meetings);
        var max = Math.Max(1, weeks.Max(w => w.Meetings));
        const int Height = 120, BarGap = 2;
        var barWidth = Math.Max(4, Math.Min(24, 640 / count));
        var width = count * (barWidth + BarGap);
        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        var total = weeks.Sum(w => w.Meetings);
        svg.Append(c, $"<svg role=\"img\" viewBox=\"0 0 {width} {Height + 16}\" width=\"100%\" height=\"{Height + 16}\" preserveAspectRatio=\"none\" aria-labelledby=\"chart-title\">");
        svg.Append(c, $"<title id=\"chart-title\">{System.Net.WebUtility.HtmlEncode(title)}: {total} meetings over {count} weeks from {first:d MMM yyyy}, at most {max} in a week.</title>");
        for (var i = 0; i < count; i++)
        {
            var week = first.AddDays(7 * i);
            var meetings = byWeek.GetValueOrDefault(week);
            var barHeight = (int)Math.Round((double)meetings / max * Height);
            svg.Append(c, $"<rect x=\"{i * (barWidth + BarGap)}\" y=\"{Height - barHeight}\" width=\"{barWidth}\" height=\"{barHeight}\" fill=\"#0b5cad\"><title>Week of {week:d MMM}: {meetings}</title></rect>");
        }

        svg.Append(c, $"<text x=\"0\" y=\"{Height + 14}\" font-size=\"12\" fill=\"#4a5560\">{first:d MMM}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
