using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Suppression;

/// <summary>
/// DESE's educator-data suppression for anything published, over every figure published together (each district and
/// the statewide total):
/// <list type="bullet">
/// <item>a figure describing 1 to 5 educators or pairings is suppressed (primary);</item>
/// <item>no count from 1 to 5 may be recoverable by arithmetic over what is published: a share gives back its numerator
/// and the rest of its denominator, a total less its published parts gives back the missing part, and the statewide
/// total less the published districts gives back the missing district; when one is, another published cell of
/// the same sum is suppressed too (complementary), until nothing is — nor any suppressed figure;</item>
/// <item>when every educator of an outcome or share falls in one category (everyone retained, every pairing
/// completed, all meeting weekly), no part of it may be published or recovered (homogeneity);</item>
/// <item>a zero is published as 0 (it describes no educator) unless homogeneity or complementary suppression hides it.</item>
/// </list>
/// A suppressed figure has no value and is flagged; never shown as zero.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>The fewest educators a published figure may describe.</summary>
    public const int Threshold = 6;

    /// <summary>The published copy of one district-year's figures, published alone.</summary>
    public static IReadOnlyList<Figure> Apply(DistrictReport report) => Publish([report], null)[0];

    /// <summary>
    /// The published copies of <paramref name="districts"/>' figures and of the <paramref name="statewide"/> total (last),
    /// suppressed together so that no row gives back another's suppressed cell.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<Figure>> Publish(IReadOnlyList<DistrictReport> districts, DistrictReport? statewide)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var rows = statewide is null ? districts.ToList() : [.. districts, statewide];
        var grid = new CellGrid(rows, statewide is not null);
        var suppressed = rows.Select(r => r.Figures.Select(f => IsSmall(f.Educators) && f.Value is not null).ToArray()).ToArray();
        var forced = new HashSet<int>();
        for (var round = 0; ; round++)
        {
            if (round > 10_000)
            {
                throw new InvalidOperationException("Suppression did not settle.");
            }

            var (known, derivedBy) = grid.Recoverable(suppressed);
            // A suppressed figure must not be worked back either: when all it is made of is known, protect one of its cells.
            for (var r = 0; r < rows.Count; r++)
            {
                for (var f = 0; f < rows[r].Figures.Count; f++)
                {
                    var cells = grid.CellsOf(r, f);
                    if (suppressed[r][f] && rows[r].Figures[f].Value is not null && cells.Count > 0 && cells.All(c => known[c]))
                    {
                        forced.Add(cells.OrderBy(c => grid.PublishedBy(c, suppressed).Any()).ThenBy(c => grid.Degree[c]).First());
                    }
                }
            }

            var exposed = Enumerable.Range(0, grid.Count).Where(c => known[c] && (grid.Sensitive[c] || forced.Contains(c))).ToList();
            if (exposed.Count == 0)
            {
                break;
            }

            foreach (var cell in exposed)
            {
                if (grid.PublishedBy(cell, suppressed).Any())
                {
                    Hide(cell);
                    continue;
                }

                if (derivedBy[cell] < 0)
                {
                    continue; // hidden already this round; the next round sees whether it is still recoverable
                }

                // Recovered from a sum: hide another cell of it that is published as it is — the one in the fewest sums (hiding
                // it costs the fewest further suppressions), then the smallest.
                var equation = grid.Equations[derivedBy[cell]];
                var partner = equation.Members
                    .Where(m => m != cell && grid.PublishedBy(m, suppressed).Any())
                    .OrderBy(m => grid.Degree[m]).ThenBy(m => grid.Values[m] > 0 ? 0 : 1).ThenBy(m => grid.Values[m])
                    .Select(m => (int?)m).FirstOrDefault();
                if (partner is { } p)
                {
                    Hide(p);
                }
                else
                {
                    // Every other cell of the sum is itself recovered: protect those in turn.
                    forced.UnionWith(equation.Parts.Append(equation.Total).Where(m => m != cell && known[m]));
                }
            }
        }

        return [.. rows.Select((row, r) => (IReadOnlyList<Figure>)[.. row.Figures.Select((f, i) => suppressed[r][i] ? f with { Value = null, Suppressed = true } : f)])];

        void Hide(int cell)
        {
            foreach (var (row, figure) in grid.PublishedBy(cell, suppressed).ToList())
            {
                suppressed[row][figure] = true;
            }
        }
    }

    /// <summary>True for 1 to 5: a count that must not be published or recoverable.</summary>
    public static bool IsSmall(decimal count) => count is > 0 and < Threshold;
}
