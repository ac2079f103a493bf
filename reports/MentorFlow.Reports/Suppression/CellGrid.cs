using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Suppression;

/// <summary>
/// Every cell of the rows published together, numbered, with the sums that tie them (each row's own, and each cell's
/// statewide total over the districts), which cells must stay unrecoverable, and which figures give each away.
/// </summary>
internal sealed class CellGrid
{
    private readonly List<(int Row, int Figure)>[] _revealedBy;
    private readonly IReadOnlyList<int>[][] _cellsOf;

    public CellGrid(IReadOnlyList<DistrictReport> rows, bool lastIsTotal)
    {
        var ids = new Dictionary<(int, string), int>();
        var values = new List<decimal>();
        var sensitive = new List<bool>();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var (key, value) in rows[r].Cells.Values)
            {
                ids[(r, key)] = values.Count;
                values.Add(value);
                sensitive.Add(rows[r].Cells.Counts.Contains(key) && SmallCellSuppression.IsSmall(value));
            }
        }

        Values = [.. values];
        Sensitive = [.. sensitive];
        var equations = new List<(int Total, int[] Parts)>();
        for (var r = 0; r < rows.Count; r++)
        {
            foreach (var equation in rows[r].Cells.Equations)
            {
                var total = ids[(r, equation.Total)];
                var parts = equation.Parts.Select(p => ids[(r, p)]).ToArray();
                equations.Add((total, parts));
                // Homogeneity: one part holds everyone, so every part tells each educator's outcome.
                if (equation.Homogeneity && Values[total] > 0 && parts.Any(p => Values[p] == Values[total]))
                {
                    foreach (var part in parts)
                    {
                        Sensitive[part] = true;
                    }
                }
            }

            // A figure about 1 to 5 educators is suppressed itself, and so must be everything it would give away.
            for (var f = 0; f < rows[r].Figures.Count; f++)
            {
                var figure = rows[r].Figures[f];
                if (SmallCellSuppression.IsSmall(figure.Educators) && figure.Value is not null)
                {
                    foreach (var key in figure.Reveals)
                    {
                        Sensitive[ids[(r, key)]] = true;
                    }
                }
            }
        }

        if (lastIsTotal && rows.Count > 1)
        {
            var total = rows.Count - 1;
            foreach (var key in rows[total].Cells.Values.Keys)
            {
                equations.Add((ids[(total, key)], [.. Enumerable.Range(0, total).Select(r => ids[(r, key)])]));
            }
        }

        Equations = [.. equations.Select(e => new Sum(e.Total, e.Parts))];
        Degree = new int[Values.Length];
        foreach (var equation in Equations)
        {
            foreach (var member in equation.Members)
            {
                Degree[member]++;
            }
        }

        _revealedBy = [.. Enumerable.Range(0, Values.Length).Select(_ => new List<(int, int)>())];
        _cellsOf = [.. rows.Select((row, r) => row.Figures.Select(f => (IReadOnlyList<int>)[.. f.Reveals.Select(k => ids[(r, k)])]).ToArray())];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var f = 0; f < rows[r].Figures.Count; f++)
            {
                // A figure with nothing to measure (no value) gives nothing away.
                foreach (var key in rows[r].Figures[f].Value is null ? [] : rows[r].Figures[f].Reveals)
                {
                    _revealedBy[ids[(r, key)]].Add((r, f));
                }
            }
        }
    }

    /// <summary>Each cell's value.</summary>
    public decimal[] Values { get; }

    /// <summary>Cells that must not be published or recoverable.</summary>
    public bool[] Sensitive { get; }

    /// <summary>Every sum: a row's own, and the statewide totals.</summary>
    public IReadOnlyList<Sum> Equations { get; }

    /// <summary>How many sums each cell is in: the more, the more ways to work it back once hidden.</summary>
    public int[] Degree { get; }

    /// <summary>How many cells.</summary>
    public int Count => Values.Length;

    /// <summary>The cells a figure gives away, by cell number.</summary>
    public IReadOnlyList<int> CellsOf(int row, int figure) => _cellsOf[row][figure];

    /// <summary>The published (not suppressed) figures that give <paramref name="cell"/> away.</summary>
    public IEnumerable<(int Row, int Figure)> PublishedBy(int cell, bool[][] suppressed) =>
        _revealedBy[cell].Where(x => !suppressed[x.Row][x.Figure]);

    /// <summary>
    /// What a reader of the published figures can work out: each cell a published figure gives away, then every cell that
    /// is the only unknown of a sum, again and again. For a recovered cell, the sum it came from.
    /// </summary>
    public (bool[] Known, int[] DerivedBy) Recoverable(bool[][] suppressed)
    {
        var known = new bool[Count];
        var derivedBy = new int[Count];
        for (var c = 0; c < Count; c++)
        {
            known[c] = PublishedBy(c, suppressed).Any();
            derivedBy[c] = -1;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var e = 0; e < Equations.Count; e++)
            {
                var unknown = -1;
                var unknowns = 0;
                foreach (var member in Equations[e].Members)
                {
                    if (!known[member] && ++unknowns == 1)
                    {
                        unknown = member;
                    }
                }

                if (unknowns == 1)
                {
                    known[unknown] = true;
                    derivedBy[unknown] = e;
                    changed = true;
                }
            }
        }

        return (known, derivedBy);
    }

    /// <summary>A total and its parts, by cell number.</summary>
    /// <param name="Total">The total.</param>
    /// <param name="Parts">The parts.</param>
    public sealed record Sum(int Total, int[] Parts)
    {
        /// <summary>The total and the parts.</summary>
        public IEnumerable<int> Members => Parts.Append(Total);
    }
}
