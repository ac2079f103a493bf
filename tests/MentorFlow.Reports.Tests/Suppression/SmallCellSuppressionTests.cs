using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.Tests.Suppression;

public sealed class SmallCellSuppressionTests
{
    private static Figure Cell(string key, int educators, string? group = null) =>
        new(key, key, "", FigureKind.EducatorCount, educators, educators, Group: group);

    [Fact]
    public void A_figure_about_fewer_than_six_educators_is_empty_and_flagged_never_zero()
    {
        var published = SmallCellSuppression.Apply([Cell("five", 5), Cell("six", 6), Cell("none", 0)]);

        Assert.Null(published[0].Value);
        Assert.True(published[0].Suppressed);
        Assert.Equal(6, published[1].Value);
        Assert.False(published[1].Suppressed);
        Assert.Equal(0, published[2].Value); // no educator is described by a zero
    }

    [Fact]
    public void One_suppressed_cell_of_a_distribution_takes_the_next_smallest_with_it()
    {
        var published = SmallCellSuppression.Apply([Cell("weekly", 40, "f"), Cell("two-weeks", 9, "f"), Cell("monthly", 3, "f"), Cell("less", 12, "f")]);

        Assert.Equal(["two-weeks", "monthly"], published.Where(f => f.Suppressed).Select(f => f.Key));
        Assert.Equal(40, published[0].Value);
        Assert.Equal(12, published[3].Value);
    }

    [Fact]
    public void Two_suppressed_cells_already_protect_each_other()
    {
        var published = SmallCellSuppression.Apply([Cell("weekly", 40, "f"), Cell("two-weeks", 2, "f"), Cell("monthly", 3, "f")]);

        Assert.Equal(["two-weeks", "monthly"], published.Where(f => f.Suppressed).Select(f => f.Key));
    }

    [Fact]
    public void A_distribution_whose_educators_all_fall_in_one_category_is_suppressed_whole()
    {
        var published = SmallCellSuppression.Apply([Cell("weekly", 30, "f"), Cell("two-weeks", 0, "f"), Cell("monthly", 0, "f")]);

        Assert.All(published, f => Assert.True(f.Suppressed));
        Assert.All(published, f => Assert.Null(f.Value));
    }

    [Fact]
    public void An_average_over_few_educators_is_suppressed_like_a_count()
    {
        var rating = new Figure("satisfaction", "Satisfaction", "", FigureKind.Rating, 4.5m, 3);

        Assert.True(SmallCellSuppression.Apply([rating])[0].Suppressed);
    }
}
