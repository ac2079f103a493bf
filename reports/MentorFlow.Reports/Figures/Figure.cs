namespace MentorFlow.Reports.Figures;

/// <summary>What a figure counts or measures, which decides how it is formatted.</summary>
public enum FigureKind
{
    /// <summary>A number of educators or pairings.</summary>
    EducatorCount,

    /// <summary>A number of things (observations, meetings) done by the educators it describes.</summary>
    Count,

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>A share from 0 to 1.</summary>
    Share,

    /// <summary>An average rating.</summary>
    Rating,

    /// <summary>Dollars.</summary>
    Money,
}

/// <summary>
/// One figure of the report: its key, what it is in words, its value, how many educators it describes, and which of the
/// year's cells (<see cref="YearCells"/>) anyone can work out from it. Every output reads these same figures, so the
/// workbook, the Parquet files and the documents agree.
/// </summary>
/// <param name="Key">A stable key, e.g. <c>beginning_teachers_served</c>.</param>
/// <param name="Label">The figure's name in the report.</param>
/// <param name="Definition">How it is computed, beside it in the workbook.</param>
/// <param name="Kind">What it counts or measures.</param>
/// <param name="Value">The value; null when suppressed or when there is nothing to measure.</param>
/// <param name="Educators">How many educators (or pairings) the figure describes: below the threshold it is suppressed.</param>
/// <param name="Reveals">The cells this figure gives away when published (a share gives its numerator and the rest).</param>
/// <param name="Suppressed">True when a published copy hides the value.</param>
public sealed record Figure(string Key, string Label, string Definition, FigureKind Kind, decimal? Value, int Educators, IReadOnlyList<string> Reveals, bool Suppressed = false);
