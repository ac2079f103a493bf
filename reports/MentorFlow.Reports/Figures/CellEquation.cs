namespace MentorFlow.Reports.Figures;

/// <summary>A total that is the sum of its parts.</summary>
/// <param name="Total">The total's cell.</param>
/// <param name="Parts">The parts' cells.</param>
/// <param name="Homogeneity">
/// True for an outcome or share (retention, requirement met, result, frequency): when every educator falls in one part,
/// each educator's outcome is known, so no part may be recoverable.
/// </param>
public sealed record CellEquation(string Total, IReadOnlyList<string> Parts, bool Homogeneity);
