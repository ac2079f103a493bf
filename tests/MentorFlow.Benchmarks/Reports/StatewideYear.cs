using MentorFlow.Reports.Input;

namespace MentorFlow.Benchmarks.Reports;

/// <summary>A seeded statewide program year of the benchmark's size: pairings spread over districts, 40 logged meetings and 3 observation cycles each.</summary>
internal static class StatewideYear
{
    private static readonly string[] Frequencies = ["Weekly", "Weekly", "Weekly", "EveryTwoWeeks", "Monthly", "Less"];
    private static readonly string[] Activities = ["RegularMeeting", "BriefConversation", "DataAnalysis", "StudentWorkReview"];
    private static readonly string[] ObservationTypes = ["MentorObservesMentee", "MenteeObservesMentor", "JointObservation"];

    public static IReadOnlyList<DistrictYear> Generate(int districts, int pairings, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2026, 9, 1);
        var years = new List<DistrictYear>(districts);
        for (var d = 0; d < districts; d++)
        {
            var id = $"district-{d + 1:D3}";
            var count = (pairings / districts) + (d < pairings % districts ? 1 : 0);
            var facts = new List<PairingFacts>(count);
            var interactions = new List<InteractionFacts>(count * 40);
            var observations = new List<ObservationFacts>(count * 3);
            var mentors = new List<MentorFacts>();
            var teachers = new List<BeginningTeacherFacts>(count);
            for (var p = 0; p < count; p++)
            {
                var pairingId = $"{id}-p{p:D4}";
                var school = $"School {random.Next(1, 6)}";
                var mentorId = $"M{p / 2}";
                var hours = Math.Round((decimal)(random.NextDouble() * 35), 1);
                var left = random.NextDouble() < 0.04;
                facts.Add(new PairingFacts(pairingId, school, mentorId, $"T{p}", random.Next(1, 4), "FullYear", start, 20, hours,
                    left ? PairingResult.Separated : hours >= 20 ? PairingResult.Completed : PairingResult.Incomplete,
                    Frequencies[random.Next(Frequencies.Length)], !left, random.Next(3, 6), random.Next(2, 6)));
                for (var i = 0; i < 40; i++)
                {
                    interactions.Add(new InteractionFacts(pairingId, start.AddDays((7 * i) + random.Next(0, 5)), random.Next(10, 76),
                        random.NextDouble() < 0.2, random.NextDouble() < 0.8, [Activities[random.Next(Activities.Length)]], random.NextDouble() < 0.95));
                }

                for (var o = 0; o < 3; o++)
                {
                    observations.Add(new ObservationFacts(pairingId, ObservationTypes[o], start.AddDays(30 + (90 * o)), random.Next(0, 2) * 3));
                }

                if (p % 2 == 0)
                {
                    mentors.Add(new MentorFacts(mentorId, $"Mentor {id} {p / 2}", school, random.Next(3, 25), new DateOnly(2025, 6, 1), 1200, 15));
                }

                teachers.Add(new BeginningTeacherFacts($"T{p}", $"Teacher {id} {p}", school, "Teacher", 1, start));
            }

            years.Add(new DistrictYear(id, $"District {d + 1}", "2026-2027", facts, interactions, observations, mentors, teachers,
                new DistrictNarrative(["Weekly meetings"], ["Release time"], ["Regional collaborative"])));
        }

        return years;
    }
}
