using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Tests.Figures;

public sealed class DistrictFiguresTests
{
    private static decimal? Value(IReadOnlyList<Figure> figures, string key) => figures.Single(f => f.Key == key).Value;

    [Fact]
    public void Each_figure_of_a_small_year_is_what_a_hand_count_gives()
    {
        var figures = DistrictFigures.Compute(SampleYears.District("d1", 10));

        Assert.Equal(10, Value(figures, "beginning_teachers_served"));
        Assert.Equal(5, Value(figures, "mentors"));
        Assert.Equal(4, Value(figures, "trained_mentors")); // mentor 0 is untrained
        Assert.Equal(55, Value(figures, "hours_total")); // 1 + 2 + ... + 10
        Assert.Equal(5.5m, Value(figures, "hours_median"));
        Assert.Equal(0.9m, Value(figures, "mentee_retention_rate")); // the last mentee left
        Assert.Equal(1, Value(figures, "mentees_left_district"));
        Assert.Equal(5, Value(figures, "frequency_weekly")); // pairings 0, 2, 4, 6, 8
        Assert.Equal(4, Value(figures, "frequency_monthly")); // 1, 3, 5, 7 (9 separated)
        Assert.Equal(5, Value(figures, "observations_mentor_observes_mentee"));
        Assert.Equal(5, Value(figures, "observations_joint_observation"));
        Assert.Equal(30, Value(figures, "substitute_hours"));
        Assert.Equal(5000, Value(figures, "incentive_spend"));
        Assert.Equal(500, Value(figures, "spend_per_mentee"));
        Assert.Equal(4m, Value(figures, "satisfaction_mentors"));
        Assert.Equal(4m, Value(figures, "satisfaction_mentees"));
        // Finished: all but the separated one (9); none has 20 hours.
        Assert.Equal(0m, Value(figures, "share_meeting_requirement"));
    }

    [Fact]
    public void An_empty_year_has_zero_counts_and_no_averages()
    {
        var figures = DistrictFigures.Compute(SampleYears.District("empty", 0));

        Assert.Equal(0, Value(figures, "beginning_teachers_served"));
        Assert.Null(Value(figures, "hours_median"));
        Assert.Null(Value(figures, "spend_per_mentee"));
        Assert.Null(Value(figures, "satisfaction_mentees"));
    }
}
