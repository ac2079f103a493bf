namespace MentorFlow.Reports.PowerBi;

/// <summary>A measure of the district's Power BI model.</summary>
/// <param name="Table">The table it lives on.</param>
/// <param name="Name">Its name: a state report figure's label when it is that figure.</param>
/// <param name="Expression">DAX.</param>
/// <param name="Format">Its format string.</param>
/// <param name="FigureKey">The state report figure it equals, or null when it is no figure.</param>
public sealed record PowerBiMeasure(string Table, string Name, string Expression, string Format, string? FigureKey);
