using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Tests;

/// <summary>Small program years with numbers a test can work out by hand.</summary>
internal static class SampleYears
{
    /// <summary>
    /// <paramref name="pairings"/> pairings, two mentees per mentor; pairing i logs i+1 weekly hour-long meetings outside the
    /// day (all confirmed), meets weekly when i is even and monthly when odd; the last mentee left the district.
    /// </summary>
    public static DistrictYear District(string id, int pairings)
    {
        var start = new DateOnly(2026, 9, 7);
        var facts = Enumerable.Range(0, pairings).Select(i => new PairingFacts(
            $"{id}-p{i}", i % 2 == 0 ? "Lincoln" : "Roosevelt", $"M{i / 2}", $"T{i}", 1, "FullYear", start, 20, i + 1,
            i == pairings - 1 ? PairingResult.Separated : i % 3 == 0 ? PairingResult.Incomplete : PairingResult.Completed,
            i % 2 == 0 ? "Weekly" : "Monthly", MenteeRetained: i != pairings - 1, MentorSatisfaction: 4, MenteeSatisfaction: i % 2 == 0 ? 5 : 3)).ToList();
        var interactions = facts.SelectMany((p, i) => Enumerable.Range(0, i + 1).Select(w =>
            new InteractionFacts(p.PairingId, start.AddDays(7 * w + 1), 60, Virtual: w % 2 == 1, OutsideContractDay: true, ["RegularMeeting"], Confirmed: true))).ToList();
        var observations = facts.Select((p, i) => new ObservationFacts(p.PairingId, i % 2 == 0 ? "MentorObservesMentee" : "JointObservation", start.AddDays(30), 3)).ToList();
        var mentors = Enumerable.Range(0, (pairings + 1) / 2).Select(m =>
            new MentorFacts($"M{m}", $"Mentor {m}", "Lincoln", 8, m == 0 ? null : new DateOnly(2025, 6, 1), 1000, 15)).ToList();
        var teachers = facts.Select(p => new BeginningTeacherFacts(p.MenteeId, $"Teacher {p.MenteeId}", p.School, "Teacher", 1, start)).ToList();
        return new DistrictYear(id, $"District {id}", "2026-2027", facts, interactions, observations, mentors, teachers,
            new DistrictNarrative(["Weekly meetings held", "Observation cycles"], ["Release time", "Hours logging"], ["State university"]));
    }
}
