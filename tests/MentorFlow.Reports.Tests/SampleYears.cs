using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Tests;

/// <summary>Small program years with numbers a test can work out by hand, and seeded ones the way the engine ends them.</summary>
internal static class SampleYears
{
    private static readonly string[] Frequencies = ["Weekly", "Weekly", "Weekly", "EveryTwoWeeks", "Monthly", "Less"];
    private static readonly string[] ObservationTypes = ["MentorObservesMentee", "MenteeObservesMentor", "JointObservation"];

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

    /// <summary>
    /// A seeded district-year ended the way the engine ends one: some pairings separate (the engine then stops accepting
    /// their activity), some never start their plan (yet rate the year), a few still run; every pairing's people keep
    /// logging meetings and observations after their pairing ended, some into the next school year. Each pairing's
    /// confirmed hours (its outcome) are those of the activity its span accepted. HR's hires and next-year answers come
    /// with two seeds of three.
    /// </summary>
    public static DistrictYear Seeded(string id, int pairings, int seed, DistrictCalendar? calendar = null)
    {
        var random = new Random(seed);
        var terms = calendar ?? DistrictCalendar.Default("2026-2027");
        var facts = new List<PairingFacts>();
        var interactions = new List<InteractionFacts>();
        var observations = new List<ObservationFacts>();
        var teachers = new List<BeginningTeacherFacts>();
        for (var p = 0; p < pairings; p++)
        {
            var pairingId = $"{id}-p{p:D3}";
            var half = random.NextDouble() < 0.15;
            var starts = half ? terms.SecondHalfStart : terms.YearStart.AddDays(random.Next(0, 40));
            var roll = random.NextDouble();
            var result = roll < 0.12 ? PairingResult.Separated : roll < 0.16 ? PairingResult.InProgress : PairingResult.Completed;
            DateOnly? endedOn = result switch
            {
                PairingResult.Separated => starts.AddDays(random.Next(20, 150)),
                PairingResult.InProgress => null,
                _ => terms.YearEnd.AddDays(random.Next(0, 10)),
            };
            var planStarted = random.NextDouble() > 0.08;
            var outside = 0m;
            var last = endedOn ?? terms.YearEnd;
            // Meetings every week until well past the end: the people keep logging, the year does not take it.
            for (var day = starts.AddDays(random.Next(1, 6)); day <= last.AddDays(endedOn is null ? 0 : 120); day = day.AddDays(random.Next(5, 12)))
            {
                var minutes = random.Next(7, 30) * 3; // whole twentieths of an hour, so hours add up exactly
                var isOutside = random.NextDouble() < 0.8;
                var confirmed = random.NextDouble() < 0.9;
                interactions.Add(new InteractionFacts(pairingId, day, minutes, random.NextDouble() < 0.2, isOutside,
                    [random.NextDouble() < 0.8 ? "RegularMeeting" : "BriefConversation"], confirmed));
                if (day <= last && isOutside && confirmed)
                {
                    outside += minutes;
                }
            }

            for (var o = 0; o < 4; o++)
            {
                var observed = starts.AddDays(20 + (o * 70) + random.Next(0, 30));
                if (endedOn is not null || observed <= last)
                {
                    observations.Add(new ObservationFacts(pairingId, ObservationTypes[random.Next(3)], observed, random.Next(0, 2) * 3));
                }
            }

            var hours = outside / 60;
            var required = half ? 10m : 20m;
            if (result == PairingResult.Completed && (hours < required && random.NextDouble() < 0.5 || !planStarted))
            {
                result = PairingResult.Incomplete;
            }

            var menteeId = $"T{p}";
            var rated = result is PairingResult.Completed or PairingResult.Incomplete;
            facts.Add(new PairingFacts(pairingId, $"School {random.Next(1, 4)}", $"M{p / 2}", menteeId, random.Next(1, 4), half ? "SecondHalf" : "FullYear", starts,
                required, hours, result, Frequencies[random.Next(Frequencies.Length)],
                MenteeRetained: result != PairingResult.Separated || random.NextDouble() < 0.5,
                rated ? random.Next(2, 6) : null, rated && random.NextDouble() < 0.9 ? random.Next(1, 6) : null,
                endedOn, planStarted, starts.AddDays(random.Next(-3, 25))));
            // HR answers for the next year in two seeds of three, and not for everyone.
            bool? employedNextYear = seed % 3 == 0 || random.NextDouble() < 0.05 ? null : facts[^1].MenteeRetained && random.NextDouble() < 0.9;
            teachers.Add(new BeginningTeacherFacts(menteeId, $"Teacher {id} {p}", facts[^1].School, "Teacher", facts[^1].InductionYear, starts, employedNextYear));
        }

        var mentors = Enumerable.Range(0, (pairings + 1) / 2).Select(m =>
            new MentorFacts($"M{m}", $"Mentor {id} {m}", "School 1", 8, random.NextDouble() < 0.9 ? new DateOnly(2025, 6, 1) : null, 1000 + (100 * (m % 3)), 15)).ToList();
        return new DistrictYear(id, $"District {id}", "2026-2027", facts, interactions, observations, mentors, teachers,
            new DistrictNarrative(["Weekly meetings"], ["Release time"], ["State university"]), terms,
            BeginningTeachersHired: seed % 3 == 0 ? null : pairings + random.Next(0, 4));
    }
}
