using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.Documents;

/// <summary>
/// A published report document (Cosmos DB when deployed, a JSON file when embedded): one per district-year and one
/// statewide, with the summary figures suppressed, and a schema version so readers know its shape.
/// </summary>
/// <param name="Id">The document id, e.g. <c>2026-2027_demo-district</c> (Cosmos DB ids cannot hold a slash).</param>
/// <param name="ProgramYear">The program year (the partition key).</param>
/// <param name="Scope">"district" or "state".</param>
/// <param name="DistrictId">The district, or "statewide".</param>
/// <param name="SchemaVersion">The shape of this document.</param>
/// <param name="Figures">The figures, suppressed.</param>
public sealed record ReportDocument(string Id, string ProgramYear, string Scope, string DistrictId, int SchemaVersion, IReadOnlyList<PublishedFigure> Figures)
{
    /// <summary>The shape documents are written in.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The district's document.</summary>
    public static ReportDocument ForDistrict(DistrictYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new ReportDocument($"{year.ProgramYear}_{year.DistrictId}", year.ProgramYear, "district", year.DistrictId, CurrentSchemaVersion,
            Published(DistrictFigures.Compute(year)));
    }

    /// <summary>The statewide document.</summary>
    public static ReportDocument ForState(string programYear, IReadOnlyList<DistrictYear> districts) =>
        new($"{programYear}_statewide", programYear, "state", "statewide", CurrentSchemaVersion,
            Published(DistrictFigures.Compute(Statewide.Of(programYear, districts))));

    private static List<PublishedFigure> Published(IReadOnlyList<Figure> figures) =>
        [.. SmallCellSuppression.Apply(figures).Select(f => new PublishedFigure(f.Key, f.Label, f.Kind.ToString(), f.Value, f.Suppressed))];
}

/// <summary>One figure as published: a suppressed one has no value and says so.</summary>
/// <param name="Key">The figure's key.</param>
/// <param name="Label">Its name.</param>
/// <param name="Kind">What it counts or measures.</param>
/// <param name="Value">The value, or null.</param>
/// <param name="Suppressed">True when hidden by the suppression rule.</param>
public sealed record PublishedFigure(string Key, string Label, string Kind, decimal? Value, bool Suppressed);
