using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.Tests.Suppression;

public sealed class SmallCellSuppressionTests
{
    private static Figure Published(DistrictYear year, string key) => SmallCellSuppression.Apply(DistrictFigures.Report(year)).Single(f => f.Key == key);

    private static Figure Published(IReadOnlyList<Figure> figures, string key) => figures.Single(f => f.Key == key);

    [Fact]
    public void A_figure_about_fewer_than_six_educators_is_empty_and_flagged_never_zero()
    {
        var served = Published(SampleYears.District("small", 4), "beginning_teachers_served");

        Assert.True(served.Suppressed);
        Assert.Null(served.Value);
    }

    [Fact]
    public void A_rate_published_beside_a_suppressed_count_is_suppressed_with_it()
    {
        var year = SampleYears.District("d", 20); // 20 mentees, the last left

        Assert.True(Published(year, "mentees_left_district").Suppressed);
        Assert.True(Published(year, "mentee_retention_rate").Suppressed); // 0.95 × 20 would give back 19, so 1 left
        Assert.Equal(20, Published(year, "beginning_teachers_served").Value);
    }

    [Fact]
    public void A_share_whose_rest_is_fewer_than_six_is_suppressed()
    {
        // 4 hours required: pairings 0, 1 and 2 (1, 2 and 3 hours) fall short, 16 finished ones meet it.
        var year = SampleYears.District("d", 20);
        year = year with { Pairings = [.. year.Pairings.Select(p => p with { RequiredHours = 4 })] };

        Assert.True(Published(year, "share_meeting_requirement").Suppressed);
    }

    [Fact]
    public void When_every_mentee_stayed_neither_the_rate_nor_the_zero_who_left_is_published()
    {
        var year = SampleYears.District("d", 20);
        year = year with { Pairings = [.. year.Pairings.Select(p => p with { MenteeRetained = true })] };

        Assert.True(Published(year, "mentee_retention_rate").Suppressed); // 100% of the mentees: homogeneity
        Assert.True(Published(year, "mentees_left_district").Suppressed); // its 0 would say the same
    }

    [Fact]
    public void A_zero_that_tells_nothing_about_anyone_is_published_as_zero()
    {
        var inProgress = Published(SampleYears.District("d", 20), "pairings_in_progress"); // outcomes are mixed: completed, incomplete, separated

        Assert.False(inProgress.Suppressed);
        Assert.Equal(0, inProgress.Value);
    }

    [Fact]
    public void When_every_pairing_meets_weekly_the_frequency_distribution_is_suppressed_whole()
    {
        var year = SampleYears.District("d", 20);
        year = year with { Pairings = [.. year.Pairings.Select(p => p with { Frequency = "Weekly" })] };
        var published = SmallCellSuppression.Apply(DistrictFigures.Report(year));

        Assert.All(published.Where(f => f.Key.StartsWith("frequency_", StringComparison.Ordinal)), f => Assert.True(f.Suppressed, f.Key));
    }

    [Fact]
    public void A_district_suppressed_in_a_column_takes_another_district_with_it_so_the_statewide_total_gives_nothing_back()
    {
        var small = DistrictFigures.Report(SampleYears.District("a-small", 4));
        var big = DistrictFigures.Report(SampleYears.District("b-big", 20));
        var bigger = DistrictFigures.Report(SampleYears.District("c-bigger", 30));
        var statewide = DistrictFigures.Report(Statewide.Of("2026-2027", [SampleYears.District("a-small", 4), SampleYears.District("b-big", 20), SampleYears.District("c-bigger", 30)]));

        var published = SmallCellSuppression.Publish([small, big, bigger], statewide);

        Assert.True(Published(published[0], "beginning_teachers_served").Suppressed);
        Assert.Equal(54, Published(published[3], "beginning_teachers_served").Value);
        // Statewide 54 less 20 less 30 would give back 4: one of the others is suppressed too.
        Assert.True(Published(published[1], "beginning_teachers_served").Suppressed || Published(published[2], "beginning_teachers_served").Suppressed);
    }

    [Fact]
    public void An_average_over_few_respondents_is_suppressed_like_a_count()
    {
        var year = SampleYears.District("d", 20);
        year = year with { Pairings = [.. year.Pairings.Select((p, i) => p with { MentorSatisfaction = i < 4 ? 5 : null })] };

        Assert.True(Published(year, "satisfaction_mentors").Suppressed);
        Assert.True(Published(year, "satisfaction_mentor_respondents").Suppressed);
    }
}
