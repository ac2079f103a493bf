using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.Figures;

/// <summary>Every figure of the state induction report for one district-year, computed once, here.</summary>
public static class DistrictFigures
{
    /// <summary>The meeting frequency categories, in order.</summary>
    public static readonly IReadOnlyList<string> Frequencies = ["Weekly", "EveryTwoWeeks", "Monthly", "Less"];

    /// <summary>The observation types, in order.</summary>
    public static readonly IReadOnlyList<string> ObservationTypes = ["MentorObservesMentee", "MenteeObservesMentor", "JointObservation"];

    /// <summary>The induction years the report counts beginning educators by (a later year counts as the third).</summary>
    public static readonly IReadOnlyList<int> InductionYears = [1, 2, 3];

    /// <summary>Days after hire by which a trained mentor must be assigned.</summary>
    public const int AssignmentDays = 14;

    /// <summary>The figures for <paramref name="year"/>, unsuppressed (the state submission); publish with <see cref="Suppression.SmallCellSuppression"/>.</summary>
    public static IReadOnlyList<Figure> Compute(DistrictYear year) => Report(year).Figures;

    /// <summary>The figures for <paramref name="year"/> with the cells they are made of.</summary>
    public static DistrictReport Report(DistrictYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        year = AcceptedYear.Of(year);
        var pairings = year.Pairings;
        var cells = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var counts = new HashSet<string>(StringComparer.Ordinal);
        var equations = new List<CellEquation>();
        int Count(string cell, int value)
        {
            cells[cell] = value;
            counts.Add(cell);
            return value;
        }

        decimal Sum(string cell, decimal value) => cells[cell] = value;

        var mentees = Count("served", Distinct(pairings, p => p.MenteeId));
        var left = Count("left", Distinct(pairings.Where(p => !p.MenteeRetained), p => p.MenteeId));
        Count("retained", mentees - left);
        equations.Add(new("served", ["retained", "left"], Homogeneity: true));

        var mentorIds = pairings.Select(p => p.MentorId).ToHashSet(StringComparer.Ordinal);
        var mentorRows = year.Mentors.Where(m => mentorIds.Contains(m.EmployeeId)).DistinctBy(m => m.EmployeeId).ToList();
        var mentors = Count("mentors", mentorIds.Count);
        var trained = Count("trained", mentorRows.Count(m => m.TrainedOn is not null));
        Count("untrained", mentors - trained);
        equations.Add(new("mentors", ["trained", "untrained"], Homogeneity: false));

        var all = Count("pairings", pairings.Count);
        int Outcome(string cell, PairingResult result) => Count(cell, pairings.Count(p => p.Result == result));
        var completed = Outcome("completed", PairingResult.Completed);
        var incomplete = Outcome("incomplete", PairingResult.Incomplete);
        var separated = Outcome("separated", PairingResult.Separated);
        var inProgress = Outcome("in_progress", PairingResult.InProgress);
        equations.Add(new("pairings", ["completed", "incomplete", "separated", "in_progress"], Homogeneity: true));
        Count("not_separated", completed + incomplete + inProgress);
        equations.Add(new("not_separated", ["completed", "incomplete", "in_progress"], Homogeneity: false));
        var finished = pairings.Where(p => p.Result is PairingResult.Completed or PairingResult.Incomplete).ToList();
        Count("finished", finished.Count);
        equations.Add(new("finished", ["completed", "incomplete"], Homogeneity: false));
        var met = Count("met", finished.Count(p => p.RequirementMet));
        Count("not_met", finished.Count - met);
        equations.Add(new("finished", ["met", "not_met"], Homogeneity: true));

        var hours = pairings.Select(p => p.ConfirmedHoursOutside).Order().ToList();
        var hoursOutside = Sum("hours_outside", hours.Sum());
        var hoursTogether = Sum("hours_together", year.Interactions.Where(i => i.Confirmed).Sum(i => (decimal)i.Minutes) / 60);

        // Only pairings that started their plan are asked to rate the year.
        var rated = pairings.Where(p => p.PlanStarted).ToList();
        var mentorRatings = rated.Where(p => p.MentorSatisfaction is not null).Select(p => p.MentorSatisfaction!.Value).ToList();
        var menteeRatings = rated.Where(p => p.MenteeSatisfaction is not null).Select(p => p.MenteeSatisfaction!.Value).ToList();
        Count("mentor_respondents", mentorRatings.Count);
        Count("mentee_respondents", menteeRatings.Count);
        Sum("mentor_rating_sum", mentorRatings.Sum());
        Sum("mentee_rating_sum", menteeRatings.Sum());

        var spend = Sum("incentive_spend", mentorRows.Sum(m => m.Stipend));
        var pdps = Sum("pdps", mentorRows.Sum(m => m.Pdps));
        var substitute = Sum("substitute_hours", year.Observations.Sum(o => o.SubstituteHours));

        var hiredOn = year.BeginningTeachers.GroupBy(t => t.EmployeeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(t => t.HiredOn), StringComparer.Ordinal);
        var assignedInTime = Count("assigned_in_time", pairings.Count(p =>
            (p.AssignedOn ?? p.StartsOn).DayNumber - (hiredOn.TryGetValue(p.MenteeId, out var hired) ? hired : p.StartsOn).DayNumber <= AssignmentDays));
        Count("assigned_later", all - assignedInTime);
        equations.Add(new("pairings", ["assigned_in_time", "assigned_later"], Homogeneity: false));

        // Hires and the next year come from HR; until it sends them these figures have no value.
        var hiredReported = year.BeginningTeachersHired is not null;
        var hired = Count("hired", year.BeginningTeachersHired ?? mentees);
        Count("hired_unpaired", Math.Max(0, hired - mentees));
        equations.Add(new("hired", ["served", "hired_unpaired"], Homogeneity: false));
        var servedIds = pairings.Select(p => p.MenteeId).ToHashSet(StringComparer.Ordinal);
        var nextYear = year.BeginningTeachers.Where(t => servedIds.Contains(t.EmployeeId)).GroupBy(t => t.EmployeeId, StringComparer.Ordinal)
            .Select(g => g.Select(t => t.EmployedNextYear).FirstOrDefault(e => e is not null)).ToList();
        var returning = Count("returning", nextYear.Count(e => e == true));
        var notReturning = Count("not_returning", nextYear.Count(e => e == false));
        Count("return_unknown", mentees - returning - notReturning);
        equations.Add(new("served", ["returning", "not_returning", "return_unknown"], Homogeneity: true));
        var returnReported = returning + notReturning > 0;

        var figures = new List<Figure>
        {
            new("beginning_teachers_served", "Beginning educators served", "Distinct mentees in a pairing this program year.", FigureKind.EducatorCount, mentees, mentees, ["served"]),
        };
        var firstYear = pairings.GroupBy(p => p.MenteeId, StringComparer.Ordinal).Select(g => Math.Clamp(g.Min(p => p.InductionYear), 1, 3)).ToList();
        foreach (var induction in InductionYears)
        {
            var n = Count($"induction_{induction}", firstYear.Count(y => y == induction));
            figures.Add(new($"beginning_teachers_induction_year_{induction}", $"Beginning educators in induction year {induction}{(induction == 3 ? " or later" : "")}",
                "Distinct mentees served, by the induction year of their pairing.", FigureKind.EducatorCount, n, n, [$"induction_{induction}"]));
        }

        equations.Add(new("served", [.. InductionYears.Select(y => $"induction_{y}")], Homogeneity: false));
        figures.AddRange(
        [
            new("beginning_teachers_hired", "Beginning educators hired", "Beginning educators HR hired for the year, paired or not (from HR; empty until sent).", FigureKind.EducatorCount,
                hiredReported ? hired : null, hired, ["hired"]),
            new("beginning_teachers_returning_next_year", "Beginning educators returning the next year", "Mentees served HR reports employed by the district on 1 October of the next school year (empty until sent).",
                FigureKind.EducatorCount, returnReported ? returning : null, returning, ["returning"]),
            new("beginning_teachers_not_returning_next_year", "Beginning educators not returning the next year", "Mentees served HR reports not employed by the district on 1 October of the next school year (empty until sent).",
                FigureKind.EducatorCount, returnReported ? notReturning : null, notReturning, ["not_returning"]),
            new("mentors", "Mentors", "Distinct mentors in a pairing this program year.", FigureKind.EducatorCount, mentors, mentors, ["mentors"]),
            new("trained_mentors", "Trained mentors", "Mentors in a pairing who completed mentor training.", FigureKind.EducatorCount, trained, trained, ["trained"]),
            new("pairings_served", "Pairings served", "Pairings this program year: completed, incomplete, separated and in progress add up to it.", FigureKind.EducatorCount, all, all, ["pairings"]),
            new("pairings_completed", "Pairings completed", "Pairings whose year was completed (hours met, or the coordinator's decision).", FigureKind.EducatorCount, completed, completed, ["completed"]),
            new("pairings_incomplete", "Pairings incomplete", "Pairings whose year ended incomplete.", FigureKind.EducatorCount, incomplete, incomplete, ["incomplete"]),
            new("pairings_separated", "Pairings separated", "Pairings that ended early: the mentee or the mentor left, or the mentee was reassigned.", FigureKind.EducatorCount, separated, separated, ["separated"]),
            new("pairings_in_progress", "Pairings in progress", "Pairings whose year has not ended yet.", FigureKind.EducatorCount, inProgress, inProgress, ["in_progress"]),
            new("pairings_assigned_within_two_weeks", "Mentors assigned within two weeks of hire", "Pairings whose mentor was assigned no later than 14 days after the mentee's first day.", FigureKind.EducatorCount,
                assignedInTime, assignedInTime, ["assigned_in_time"]),
            new("hours_total", "Hours together outside the contract day (confirmed)", "Confirmed hours outside the contract day, all pairings: the time that counts toward the hours requirement.", FigureKind.Hours,
                hoursOutside, mentees, ["hours_outside"]),
            new("hours_together_confirmed", "Hours together, all confirmed time", "Every hour the mentee confirmed, in or outside the contract day, all pairings.", FigureKind.Hours,
                hoursTogether, mentees, ["hours_together"]),
            new("hours_median", "Median hours per pairing", "The median of each pairing's confirmed hours outside the contract day.", FigureKind.Hours,
                hours.Count == 0 ? null : Median(hours), all, []),
            new("share_meeting_requirement", "Share meeting the hours requirement", "Finished pairings (completed or incomplete) whose confirmed hours outside the contract day met the requirement, of all finished pairings.",
                FigureKind.Share, finished.Count == 0 ? null : Math.Round((decimal)met / finished.Count, 3), finished.Count, ["met", "not_met"]),
            new("mentee_retention_rate", "Beginning educator retention", "Mentees served who did not leave the district during the year, of all mentees served.", FigureKind.Share,
                mentees == 0 ? null : Math.Round((decimal)(mentees - left) / mentees, 3), mentees, ["retained", "left"]),
            new("mentees_left_district", "Mentees who left the district", "Mentees whose pairing ended because they left the district.", FigureKind.EducatorCount, left, left, ["left"]),
            new("satisfaction_mentors", "Mentor satisfaction", "Average of the mentors' ratings (1–5) at sign-off, pairings that started their plan.", FigureKind.Rating,
                mentorRatings.Count == 0 ? null : Math.Round((decimal)mentorRatings.Average(), 2), mentorRatings.Count, ["mentor_rating_sum", "mentor_respondents"]),
            new("satisfaction_mentor_respondents", "Mentor satisfaction: respondents", "Mentor ratings the average is made of.", FigureKind.EducatorCount,
                mentorRatings.Count, mentorRatings.Count, ["mentor_respondents"]),
            new("satisfaction_mentees", "Mentee satisfaction", "Average of the mentees' ratings (1–5) at sign-off, pairings that started their plan.", FigureKind.Rating,
                menteeRatings.Count == 0 ? null : Math.Round((decimal)menteeRatings.Average(), 2), menteeRatings.Count, ["mentee_rating_sum", "mentee_respondents"]),
            new("satisfaction_mentee_respondents", "Mentee satisfaction: respondents", "Mentee ratings the average is made of.", FigureKind.EducatorCount,
                menteeRatings.Count, menteeRatings.Count, ["mentee_respondents"]),
            new("substitute_hours", "Release time: substitute hours used", "Substitute hours used to free mentors and mentees for observations.", FigureKind.Hours,
                substitute, mentees, ["substitute_hours"]),
            new("incentive_spend", "Incentives: stipends paid", "Stipends paid to this year's mentors.", FigureKind.Money, spend, mentors, ["incentive_spend"]),
            new("spend_per_mentee", "Spend per mentee", "Stipends paid divided by beginning educators served.", FigureKind.Money,
                mentees == 0 ? null : Math.Round(spend / mentees, 2), mentees, ["incentive_spend", "served"]),
            new("pdps_awarded", "Incentives: PDPs awarded", "Professional development points awarded to this year's mentors.", FigureKind.Count, pdps, mentors, ["pdps"]),
            new("partnerships", "Partnerships", "Partnerships the district reports.", FigureKind.Count, year.Narrative.Partnerships.Count, 0, []),
        ]);

        foreach (var type in ObservationTypes)
        {
            var cycles = year.Observations.Where(o => o.Type == type).ToList();
            var key = $"observations_{Snake(type)}";
            Sum(key, cycles.Count);
            figures.Add(new Figure(key, $"Classroom observations: {Words(type)}", "Observation cycles of this type (pre-conference, observation, post-conference).",
                FigureKind.Count, cycles.Count, Distinct(cycles, o => o.PairingId), [key]));
        }

        foreach (var frequency in Frequencies)
        {
            var key = $"frequency_{Snake(frequency)}";
            var count = Count(key, pairings.Count(p => p.Result != PairingResult.Separated && p.Frequency == frequency));
            figures.Add(new Figure(key, $"Pairings meeting {Words(frequency)}", "Pairings (not separated) by how often they met, from their logged meetings.",
                FigureKind.EducatorCount, count, count, [key]));
        }

        equations.Add(new("not_separated", [.. Frequencies.Select(f => $"frequency_{Snake(f)}")], Homogeneity: true));
        return new DistrictReport(year.DistrictId, year.DistrictName, figures, new YearCells(cells, counts, equations));
    }

    private static int Distinct<T>(IEnumerable<T> rows, Func<T, string> id) => rows.Select(id).Distinct(StringComparer.Ordinal).Count();

    private static decimal Median(List<decimal> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Words(string pascal) => Snake(pascal).Replace('_', ' ');
}
