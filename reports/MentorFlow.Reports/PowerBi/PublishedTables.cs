using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// The published Power BI tables: the state report's figures at the grain they are suppressed at (one row per district
/// and figure, and the statewide total), never a row per pairing, meeting or observation, so nothing suppressed can be
/// counted again from them. Row-level tables are the district's own (<see cref="StarSchema"/>).
/// </summary>
/// <param name="Figures">fact_published_figure.</param>
/// <param name="Districts">dim_district.</param>
/// <param name="Definitions">dim_figure.</param>
public sealed record PublishedTables(IReadOnlyList<PublishedFigureRow> Figures, IReadOnlyList<PublishedDistrictRow> Districts, IReadOnlyList<FigureDefinitionRow> Definitions)
{
    /// <summary>The tables of <paramref name="published"/>.</summary>
    public static PublishedTables Build(PublishedYear published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var figures = new List<PublishedFigureRow>();
        var districts = new List<PublishedDistrictRow>();
        foreach (var row in published.Rows)
        {
            var key = SurrogateKey.Of("district", row.DistrictId);
            var served = row.Figures.Single(f => f.Key == "beginning_teachers_served");
            districts.Add(new PublishedDistrictRow
            {
                DistrictKey = key, DistrictId = row.DistrictId, DistrictName = row.DistrictName, IsStatewide = row.DistrictId == PublishedYear.StatewideId,
                SmallCell = SmallCellSuppression.IsSmall(served.Educators),
            });
            figures.AddRange(row.Figures.Select(f => new PublishedFigureRow { DistrictKey = key, FigureKey = f.Key, Value = (double?)f.Value, Suppressed = f.Suppressed }));
        }

        return new PublishedTables(figures, districts,
            [.. published.Statewide.Figures.Select(f => new FigureDefinitionRow { FigureKey = f.Key, Label = f.Label, Kind = f.Kind.ToString(), Definition = f.Definition })]);
    }
}
