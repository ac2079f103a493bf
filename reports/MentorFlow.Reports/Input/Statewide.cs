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

        // A pairing's prefixed id made once, not once per logged meeting (320,000 strings for a statewide year).
        static IEnumerable<T> Prefixed<T>(DistrictYear d, IEnumerable<T> rows, Func<T, string> pairingId, Func<T, string, T> with)
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var natural = pairingId(row);
                if (!ids.TryGetValue(natural, out var id))
                {
                    ids[natural] = id = Id(d, natural);
                }

                yield return with(row, id);
            }
        }

        return new DistrictYear("statewide", "Statewide", programYear,
            [.. accepted.SelectMany(d => d.Pairings.Select(p => p with { PairingId = Id(d, p.PairingId), MentorId = Id(d, p.MentorId), MenteeId = Id(d, p.MenteeId) }))],
            [.. accepted.SelectMany(d => Prefixed(d, d.Interactions, i => i.PairingId, (i, id) => i with { PairingId = id }))],
            [.. accepted.SelectMany(d => Prefixed(d, d.Observations, o => o.PairingId, (o, id) => o with { PairingId = id }))],
            [.. accepted.SelectMany(d => d.Mentors.Select(m => m with { EmployeeId = Id(d, m.EmployeeId) }))],
            [.. accepted.SelectMany(d => d.BeginningTeachers.Select(t => t with { EmployeeId = Id(d, t.EmployeeId) }))],
            new DistrictNarrative([], [], [.. districts.SelectMany(d => d.Narrative.Partnerships).Distinct(StringComparer.Ordinal)]),
            // A statewide count of hires only when every district sent its own.
            BeginningTeachersHired: districts.Count > 0 && districts.All(d => d.BeginningTeachersHired is not null) ? districts.Sum(d => d.BeginningTeachersHired!.Value) : null);
    }
}
