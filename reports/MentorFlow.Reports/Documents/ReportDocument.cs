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
    public const int CurrentSchemaVersion = 2;

    /// <summary>A district's document, as published with only its own statewide total.</summary>
    public static ReportDocument ForDistrict(DistrictYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return ForYear(PublishedYear.Of(year.ProgramYear, [year]))[0];
    }

    /// <summary>The statewide document of <paramref name="districts"/>' year.</summary>
    public static ReportDocument ForState(string programYear, IReadOnlyList<DistrictYear> districts) =>
        ForYear(PublishedYear.Of(programYear, districts))[^1];

    /// <summary>Every document of a published year: each district's, then the statewide one, suppressed together.</summary>
    public static IReadOnlyList<ReportDocument> ForYear(PublishedYear published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return [.. published.Rows.Select(row => new ReportDocument($"{published.ProgramYear}_{row.DistrictId}", published.ProgramYear,
            row.DistrictId == PublishedYear.StatewideId ? "state" : "district", row.DistrictId, CurrentSchemaVersion,
            [.. row.Figures.Select(f => new PublishedFigure(f.Key, f.Label, f.Kind.ToString(), f.Value, f.Suppressed))]))];
    }
}

/// <summary>One figure as published: a suppressed one has no value and says so.</summary>
/// <param name="Key">The figure's key.</param>
/// <param name="Label">Its name.</param>
/// <param name="Kind">What it counts or measures.</param>
/// <param name="Value">The value, or null.</param>
/// <param name="Suppressed">True when hidden by the suppression rule.</param>
public sealed record PublishedFigure(string Key, string Label, string Kind, decimal? Value, bool Suppressed);
