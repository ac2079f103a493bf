namespace MentorFlow.Reports.Figures;

/// <summary>
/// The counts and sums underneath a district-year's figures (mentees retained and left, pairings by outcome, …) and how
/// they add up. Suppression reasons over these, not over the figures: a published share gives back its numerator, a
/// published total less published parts gives back the missing part, and a statewide total less the published districts
/// gives back the missing district.
/// </summary>
/// <param name="Values">Every cell's value.</param>
/// <param name="Counts">The cells that count educators or pairings (a count from 1 to 5 must not be recoverable).</param>
/// <param name="Equations">How the cells add up within the district.</param>
public sealed record YearCells(IReadOnlyDictionary<string, decimal> Values, IReadOnlySet<string> Counts, IReadOnlyList<CellEquation> Equations);
