using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Suppression;

/// <summary>
/// DESE's educator-data suppression for anything published: a figure describing fewer than 6 educators is suppressed;
/// when a group of cells that add up to a total has exactly one suppressed, the next smallest is suppressed too
/// (complementary), so it cannot be recovered by subtraction; and a group whose educators all fall in one category is
/// suppressed whole (homogeneity). A suppressed figure has no value and is flagged — never shown as zero.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>The fewest educators a published figure may describe.</summary>
    public const int Threshold = 6;

    /// <summary>The published copy of <paramref name="figures"/>.</summary>
    public static IReadOnlyList<Figure> Apply(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var published = figures.Select(f => f.Educators is > 0 and < Threshold && f.Value is not null ? Suppress(f) : f).ToList();
        foreach (var group in published.Where(f => f.Group is not null).GroupBy(f => f.Group).ToList())
        {
            var cells = group.ToList();
            var total = cells.Sum(c => c.Educators);
            var homogeneous = total > 0 && cells.Count(c => c.Educators > 0) == 1;
            var suppressed = cells.Count(c => c.Suppressed);
            IEnumerable<Figure> hide = homogeneous
                ? cells
                : suppressed == 1
                    ? cells.Where(c => !c.Suppressed && c.Educators > 0).OrderBy(c => c.Educators).Take(1)
                    : [];
            foreach (var cell in hide.ToList())
            {
                published[published.IndexOf(cell)] = Suppress(cell);
            }
        }

        return published;
    }

    private static Figure Suppress(Figure figure) => figure with { Value = null, Suppressed = true };
}
