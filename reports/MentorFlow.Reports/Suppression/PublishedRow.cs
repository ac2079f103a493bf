using MentorFlow.Reports.Figures;

namespace MentorFlow.Reports.Suppression;

/// <summary>One row of published figures: a district, or the statewide total.</summary>
/// <param name="DistrictId">The district, or "statewide".</param>
/// <param name="DistrictName">Its name.</param>
/// <param name="Figures">Its figures, suppressed.</param>
public sealed record PublishedRow(string DistrictId, string DistrictName, IReadOnlyList<Figure> Figures);
