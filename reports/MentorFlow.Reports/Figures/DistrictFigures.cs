using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Figures;

/// <summary>Every figure of the state induction report for one district-year, computed once, here.</summary>
public static class DistrictFigures
{
    /// <summary>The meeting frequency categories, in order.</summary>
    public static readonly IReadOnlyList<string> Frequencies = ["Weekly", "EveryTwoWeeks", "Monthly", "Less"];

    /// <summary>The observation types, in order.</summary>
    public static readonly IReadOnlyList<string> ObservationTypes = ["MentorObservesMentee", "MenteeObservesMentor", "JointObservation"];

    /// <summary>The figures for <paramref name="year"/>, unsuppressed (the state submission); publish with <see cref="Suppression.SmallCellSuppression"/>.</summary>
    public static IReadOnlyList<Figure> Compute(DistrictYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var pairings = year.Pairings;
        var mentees = pairings.Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count();
        var mentors = pairings.Select(p => p.MentorId).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var trained = year.Mentors.Count(m => m.TrainedOn is not null && mentors.Contains(m.EmployeeId));
        var finished = pairings.Where(p => p.Result is PairingResult.Completed or PairingResult.Incomplete).ToList();
        var hours = pairings.Select(p => p.ConfirmedHoursOutside).Order().ToList();
        var mentorRatings = pairings.Where(p => p.MentorSatisfaction is not null).ToList();
        var menteeRatings = pairings.Where(p => p.MenteeSatisfaction is not null).ToList();
        var spend = year.Mentors.Where(m => mentors.Contains(m.EmployeeId)).Sum(m => m.Stipend);
        var figures = new List<Figure>
        {
            new("beginning_teachers_served", "Beginning educators served", "Distinct mentees in a pairing this program year.", FigureKind.EducatorCount, mentees, mentees),
            new("mentors", "Mentors", "Distinct mentors in a pairing this program year.", FigureKind.EducatorCount, mentors.Count, mentors.Count),
            new("trained_mentors", "Trained mentors", "Mentors who completed mentor training.", FigureKind.EducatorCount, trained, trained),
            new("pairings_completed", "Pairings completed", "Pairings whose year was completed (hours met, or the coordinator's decision).", FigureKind.EducatorCount,
                pairings.Count(p => p.Result == PairingResult.Completed), pairings.Count(p => p.Result == PairingResult.Completed)),
            new("pairings_incomplete", "Pairings incomplete", "Pairings whose year ended incomplete.", FigureKind.EducatorCount,
                pairings.Count(p => p.Result == PairingResult.Incomplete), pairings.Count(p => p.Result == PairingResult.Incomplete)),
            new("hours_total", "Hours mentors and mentees spent together", "Confirmed hours outside the contract day, all pairings.", FigureKind.Hours,
                hours.Sum(), mentees),
            new("hours_median", "Median hours per pairing", "The median of each pairing's confirmed hours outside the contract day.", FigureKind.Hours,
                hours.Count == 0 ? null : Median(hours), pairings.Count),
            new("share_meeting_requirement", "Share meeting the hours requirement", "Finished pairings whose confirmed hours met the requirement (20 full year, 10 half year), of all finished pairings.",
                FigureKind.Share, finished.Count == 0 ? null : Math.Round((decimal)finished.Count(p => p.RequirementMet) / finished.Count, 3), finished.Count),
            new("mentee_retention_rate", "Beginning educator retention", "Mentees who did not leave the district during the year, of all mentees served.", FigureKind.Share,
                mentees == 0 ? null : Math.Round((decimal)pairings.Where(p => p.MenteeRetained).Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count() / mentees, 3), mentees),
            new("mentees_left_district", "Mentees who left the district", "Mentees whose pairing ended because they left the district.", FigureKind.EducatorCount,
                pairings.Where(p => !p.MenteeRetained).Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count(),
                pairings.Where(p => !p.MenteeRetained).Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count()),
            new("satisfaction_mentors", "Mentor satisfaction", "Average of the mentors' ratings (1–5) at sign-off.", FigureKind.Rating,
                mentorRatings.Count == 0 ? null : Math.Round((decimal)mentorRatings.Average(p => p.MentorSatisfaction!.Value), 2), mentorRatings.Count),
            new("satisfaction_mentees", "Mentee satisfaction", "Average of the mentees' ratings (1–5) at sign-off.", FigureKind.Rating,
                menteeRatings.Count == 0 ? null : Math.Round((decimal)menteeRatings.Average(p => p.MenteeSatisfaction!.Value), 2), menteeRatings.Count),
            new("substitute_hours", "Release time: substitute hours used", "Substitute hours used to free mentors and mentees for observations.", FigureKind.Hours,
                year.Observations.Sum(o => o.SubstituteHours), mentees),
            new("incentive_spend", "Incentives: stipends paid", "Stipends paid to this year's mentors.", FigureKind.Money, spend, mentors.Count),
            new("spend_per_mentee", "Spend per mentee", "Stipends paid divided by beginning educators served.", FigureKind.Money,
                mentees == 0 ? null : Math.Round(spend / mentees, 2), mentees),
            new("pdps_awarded", "Incentives: PDPs awarded", "Professional development points awarded to this year's mentors.", FigureKind.Count,
                year.Mentors.Where(m => mentors.Contains(m.EmployeeId)).Sum(m => m.Pdps), mentors.Count),
            new("partnerships", "Partnerships", "Partnerships the district reports.", FigureKind.Count, year.Narrative.Partnerships.Count, 0),
        };

        foreach (var type in ObservationTypes)
        {
            var cycles = year.Observations.Where(o => o.Type == type).ToList();
            figures.Add(new Figure($"observations_{Snake(type)}", $"Classroom observations: {Words(type)}", $"Observation cycles of this type (pre-conference, observation, post-conference).",
                FigureKind.Count, cycles.Count, cycles.Select(o => o.PairingId).Distinct(StringComparer.Ordinal).Count()));
        }

        foreach (var frequency in Frequencies)
        {
            var count = pairings.Count(p => p.Result != PairingResult.Separated && p.Frequency == frequency);
            figures.Add(new Figure($"frequency_{Snake(frequency)}", $"Pairings meeting {Words(frequency)}", "Pairings (not separated) by how often they met, from their logged meetings.",
                FigureKind.EducatorCount, count, count, Group: "frequency"));
        }

        return figures;
    }

    private static decimal Median(List<decimal> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Words(string pascal) => Snake(pascal).Replace('_', ' ');
}
