namespace MentorFlow.Reports.Figures;

/// <summary>A district-year's figures with the cells underneath them, unsuppressed.</summary>
/// <param name="DistrictId">The district, or "statewide".</param>
/// <param name="DistrictName">Its name.</param>
/// <param name="Figures">The figures, in report order.</param>
/// <param name="Cells">The cells they are made of.</param>
public sealed record DistrictReport(string DistrictId, string DistrictName, IReadOnlyList<Figure> Figures, YearCells Cells);
