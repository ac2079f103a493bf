namespace MentorFlow.Reports.Input;

/// <summary>
/// A district's year as the engine accepted it: only the logged time and observation cycles of its own pairings, dated
/// within each pairing's span (from its start to its separation or the day its year finished). Every output reads the
/// year through this, so the workbook, the documents and the Power BI files count the same rows as the outcome.
/// </summary>
public static class AcceptedYear
{
    /// <summary><paramref name="year"/> without the activity its pairings' years never accepted.</summary>
    public static DistrictYear Of(DistrictYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var pairings = year.Pairings.ToDictionary(p => p.PairingId, StringComparer.Ordinal);
        bool Accepted(string pairingId, DateOnly day) => pairings.TryGetValue(pairingId, out var pairing) && pairing.Accepts(day);
        var interactions = year.Interactions.Where(i => Accepted(i.PairingId, i.Date)).ToList();
        var observations = year.Observations.Where(o => Accepted(o.PairingId, o.ObservedOn)).ToList();
        return interactions.Count == year.Interactions.Count && observations.Count == year.Observations.Count
            ? year
            : year with { Interactions = interactions, Observations = observations };
    }
}
