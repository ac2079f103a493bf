namespace MentorFlow.Reports.Input;

/// <summary>All districts of a year as one, so statewide figures come from the same computation as each district's.</summary>
public static class Statewide
{
    /// <summary>The districts' facts together, under the id "statewide".</summary>
    public static DistrictYear Of(string programYear, IReadOnlyList<DistrictYear> districts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        // Employee ids are the districts' own: prefixed, so two districts' E1001 stay two people.
        static string Id(DistrictYear d, string id) => $"{d.DistrictId}/{id}";
        return new DistrictYear("statewide", "Statewide", programYear,
            [.. districts.SelectMany(d => d.Pairings.Select(p => p with { MentorId = Id(d, p.MentorId), MenteeId = Id(d, p.MenteeId) }))],
            [.. districts.SelectMany(d => d.Interactions)],
            [.. districts.SelectMany(d => d.Observations)],
            [.. districts.SelectMany(d => d.Mentors.Select(m => m with { EmployeeId = Id(d, m.EmployeeId) }))],
            [.. districts.SelectMany(d => d.BeginningTeachers.Select(t => t with { EmployeeId = Id(d, t.EmployeeId) }))],
            new DistrictNarrative([], [], [.. districts.SelectMany(d => d.Narrative.Partnerships).Distinct(StringComparer.Ordinal)]));
    }
}
