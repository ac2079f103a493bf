using System.Xml.Linq;
using MentorFlow.Functions.Coordinator;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class MeetingsChartTests
{
    private static readonly (DateOnly Week, int Meetings)[] Autumn =
    [
        (new DateOnly(2026, 9, 7), 3), (new DateOnly(2026, 9, 14), 7), (new DateOnly(2026, 10, 5), 5), (new DateOnly(2026, 11, 2), 1),
    ];

    private static XElement Chart(IReadOnlyList<(DateOnly, int)> weeks) =>
        XElement.Parse(MeetingsChart.Svg(weeks, "Meetings logged per week")).Element("svg")!;

    private static List<string> Texts(XElement svg) => [.. svg.Elements("text").Select(t => t.Value)];

    [Fact]
    public void The_chart_is_drawn_at_its_own_size_inside_a_wrapper_that_scrolls_instead_of_being_stretched()
    {
        var html = XElement.Parse(MeetingsChart.Svg(Autumn, "Meetings logged per week"));
        var svg = html.Element("svg")!;

        Assert.Equal("chart-wrap", html.Attribute("class")?.Value);
        Assert.Null(svg.Attribute("preserveAspectRatio"));
        Assert.Equal($"0 0 {svg.Attribute("width")!.Value} {svg.Attribute("height")!.Value}", svg.Attribute("viewBox")!.Value);
    }

    [Fact]
    public void It_has_a_value_axis_a_label_for_each_month_and_each_weeks_count_over_its_bar()
    {
        var texts = Texts(Chart(Autumn));

        Assert.Equal(["0", "4", "8"], texts.Take(3)); // the busiest week (7) under a round top
        Assert.Equal(["Sep", "Oct", "Nov"], texts.Where(t => t.Length == 3 && char.IsLetter(t[0])));
        Assert.Equal(["3", "7", "5", "1"], texts.Skip(3).Where(t => char.IsDigit(t[0])));
        Assert.Equal(9, Chart(Autumn).Elements("rect").Count()); // every week from the first to the last, empty ones too
    }

    [Fact]
    public void Screen_readers_get_the_whole_in_one_sentence_and_each_bar_says_its_week()
    {
        var svg = Chart(Autumn);

        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("Meetings logged per week: 16 meetings over 9 weeks from 7 Sep 2026, at most 7 in a week.", svg.Element("title")!.Value);
        Assert.Equal("Week of 14 Sep 2026: 7 meetings", svg.Elements("rect").ElementAt(1).Element("title")!.Value);
    }

    [Fact]
    public void No_meetings_yet_says_so_in_words()
    {
        Assert.Equal("<p class=\"muted\">Meetings logged per week: no meetings logged yet.</p>", MeetingsChart.Svg([], "Meetings logged per week"));
    }
}
