namespace MentorFlow.Reports.Input;

/// <summary>All districts of a year as one, so statewide figures come from the same computation as each district's.</summary>
public static class Statewide
{
    /// <summary>The districts' facts together (each as its year accepted it), under the id "statewide".</summary>
    public static DistrictYear Of(string programYear, IReadOnlyList<DistrictYear> districts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var accepted = districts.Select(AcceptedYear.Of).ToList();
        // Ids are the districts' own: prefixed, so two districts' E1001 (or pairing p1) stay two.
        static string Id(DistrictYear d, string id) => $"{d.DistrictId}/{id}";
        return new DistrictYear("statewide", "Statewide", programYear,
            [.. accepted.SelectMany(d => d.Pairings.Select(p => p with { PairingId = Id(d, p.PairingId), MentorId = Id(d, p.MentorId), MenteeId = Id(d, p.MenteeId) }))],
            [.. accepted.SelectMany(d => d.Interactions.Select(i => i with { PairingId = Id(d, i.PairingId) }))],
            [.. accepted.SelectMany(d => d.Observations.Select(o => o with { PairingId = Id(d, o.PairingId) }))],
            [.. accepted.SelectMany(d => d.Mentors.Select(m => m with { EmployeeId = Id(d, m.EmployeeId) }))],
            [.. accepted.SelectMany(d => d.BeginningTeachers.Select(t => t with { EmployeeId = Id(d, t.EmployeeId) }))],
            new DistrictNarrative([], [], [.. districts.SelectMany(d => d.Narrative.Partnerships).Distinct(StringComparer.Ordinal)]),
            // A statewide count of hires only when every district sent its own.
            BeginningTeachersHired: districts.Count > 0 && districts.All(d => d.BeginningTeachersHired is not null) ? districts.Sum(d => d.BeginningTeachersHired!.Value) : null);
    }
}
