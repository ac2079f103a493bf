using System.Globalization;
using MentorFlow.Reports.Figures;
using MentorFlow.Reports.Input;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// A district's own Power BI star schema of its program year: a row per pairing, logged meeting and observation cycle,
/// as the year accepted them. No names or employee ids (surrogate keys only), but not suppressed: it is the district's
/// private model, beside its state submission, and is never published (the published tables are <see cref="PublishedTables"/>).
/// </summary>
/// <param name="Interactions">fact_interaction.</param>
/// <param name="Observations">fact_observation.</param>
/// <param name="PairingYears">fact_pairing_year.</param>
/// <param name="Dates">dim_date.</param>
/// <param name="Districts">dim_district.</param>
/// <param name="Schools">dim_school.</param>
/// <param name="Pairings">dim_pairing.</param>
/// <param name="Mentors">dim_mentor.</param>
/// <param name="ActivityTypes">dim_activity_type.</param>
public sealed record StarSchema(
    IReadOnlyList<InteractionRow> Interactions,
    IReadOnlyList<ObservationRow> Observations,
    IReadOnlyList<PairingYearRow> PairingYears,
    IReadOnlyList<DateRow> Dates,
    IReadOnlyList<DistrictRow> Districts,
    IReadOnlyList<SchoolRow> Schools,
    IReadOnlyList<PairingRow> Pairings,
    IReadOnlyList<MentorRow> Mentors,
    IReadOnlyList<ActivityTypeRow> ActivityTypes)
{
    /// <summary>The activity types the program knows.</summary>
    public static readonly IReadOnlyList<string> KnownActivityTypes =
    [
        "RegularMeeting", "BriefConversation", "MentorObservesMentee", "MenteeObservesMentor", "JointObservation", "DataAnalysis",
        "RecordedLessonReview", "ArtifactsOfPractice", "RecordkeepingSupport", "DueProcessReview", "StudentWorkReview",
        "OrganizingSpaceAndWorkflow", "FamilyCommunicationPlan", "CulturallyRelevantLessonUnpacking",
    ];

    // Hashing a key per logged meeting would be most of a district's build: the few activity types are hashed once.
    private static readonly Dictionary<string, long> ActivityKeys = KnownActivityTypes.ToDictionary(a => a, a => SurrogateKey.Of("activity", a), StringComparer.Ordinal);

    private static readonly string[] MonthNames = [.. Enumerable.Range(1, 12).Select(m => new DateTime(2000, m, 1).ToString("MMMM", CultureInfo.InvariantCulture))];

    private static readonly string[] DayNames = [.. Enum.GetValues<DayOfWeek>().Select(d => d.ToString())];

    /// <summary>The schema of <paramref name="district"/>'s year, as the year accepted it.</summary>
    public static StarSchema Build(DistrictYear district)
    {
        ArgumentNullException.ThrowIfNull(district);
        district = AcceptedYear.Of(district);
        var districtKey = SurrogateKey.Of("district", district.DistrictId);
        var schools = new Dictionary<long, SchoolRow>();
        var pairingRows = new List<PairingRow>();
        var pairingYears = new List<PairingYearRow>();
        var dates = new HashSet<DateOnly>();
        var pairingKeys = new Dictionary<string, long>(StringComparer.Ordinal);
        var teachers = district.BeginningTeachers.GroupBy(t => t.EmployeeId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        long Key(string table, string id) => SurrogateKey.Of(table, district.DistrictId, id);
        foreach (var pairing in district.Pairings)
        {
            var schoolKey = Key("school", pairing.School);
            schools.TryAdd(schoolKey, new SchoolRow { SchoolKey = schoolKey, DistrictKey = districtKey, SchoolName = pairing.School });
            var pairingKey = Key("pairing", pairing.PairingId);
            pairingKeys[pairing.PairingId] = pairingKey;
            var induction = Math.Clamp(pairing.InductionYear, 1, 3);
            pairingRows.Add(new PairingRow { PairingKey = pairingKey, DistrictKey = districtKey, SchoolKey = schoolKey, InductionYear = induction, Term = pairing.Term });
            var teacher = teachers.GetValueOrDefault(pairing.MenteeId);
            var hired = teacher?.Min(t => t.HiredOn) ?? pairing.StartsOn;
            pairingYears.Add(new PairingYearRow
            {
                PairingKey = pairingKey, SchoolKey = schoolKey, MenteeKey = Key("mentee", pairing.MenteeId), MentorKey = Key("mentor", pairing.MentorId),
                StartDateKey = SurrogateKey.Of(pairing.StartsOn), InductionYear = induction,
                RequiredHours = (double)pairing.RequiredHours, ConfirmedHoursOutside = (double)pairing.ConfirmedHoursOutside, RequirementMet = pairing.RequirementMet,
                Outcome = pairing.Result.ToString(), MeetingFrequency = pairing.Frequency, MenteeRetained = pairing.MenteeRetained, PlanStarted = pairing.PlanStarted,
                MentorSatisfaction = pairing.PlanStarted ? pairing.MentorSatisfaction : null, MenteeSatisfaction = pairing.PlanStarted ? pairing.MenteeSatisfaction : null,
                AssignedWithinTwoWeeks = (pairing.AssignedOn ?? pairing.StartsOn).DayNumber - hired.DayNumber <= DistrictFigures.AssignmentDays,
                MenteeEmployedNextYear = teacher?.Select(t => t.EmployedNextYear).FirstOrDefault(e => e is not null),
            });
            dates.Add(pairing.StartsOn);
        }

        var interactions = new List<InteractionRow>(district.Interactions.Count);
        foreach (var interaction in district.Interactions)
        {
            interactions.Add(new InteractionRow
            {
                PairingKey = pairingKeys[interaction.PairingId], DateKey = SurrogateKey.Of(interaction.Date),
                ActivityTypeKey = ActivityKey(interaction.Activities.Count > 0 ? interaction.Activities[0] : "RegularMeeting"),
                ActivityCount = interaction.Activities.Count, Minutes = interaction.Minutes, IsVirtual = interaction.Virtual,
                OutsideContractDay = interaction.OutsideContractDay, Confirmed = interaction.Confirmed,
            });
            dates.Add(interaction.Date);
        }

        var observations = new List<ObservationRow>(district.Observations.Count);
        foreach (var observation in district.Observations)
        {
            observations.Add(new ObservationRow
            {
                PairingKey = pairingKeys[observation.PairingId], DateKey = SurrogateKey.Of(observation.ObservedOn),
                ObservationType = observation.Type, SubstituteHours = (double)observation.SubstituteHours,
            });
            dates.Add(observation.ObservedOn);
        }

        var mentorIds = district.Pairings.Select(p => p.MentorId).ToHashSet(StringComparer.Ordinal);
        var mentors = district.Mentors.Where(m => mentorIds.Contains(m.EmployeeId)).DistinctBy(m => m.EmployeeId)
            .Select(m => new MentorRow { MentorKey = Key("mentor", m.EmployeeId), Trained = m.TrainedOn is not null, Stipend = (double)m.Stipend, Pdps = m.Pdps }).ToList();
        return new StarSchema(interactions, observations, pairingYears, Calendar(dates, district.Terms),
            [new DistrictRow { DistrictKey = districtKey, DistrictId = district.DistrictId, DistrictName = district.DistrictName, BeginningTeachersHired = district.BeginningTeachersHired }],
            [.. schools.Values], pairingRows, mentors,
            [.. KnownActivityTypes.Select(a => new ActivityTypeRow { ActivityTypeKey = ActivityKeys[a], ActivityType = a })]);
    }

    private static long ActivityKey(string activity) => ActivityKeys.TryGetValue(activity, out var key) ? key : SurrogateKey.Of("activity", activity);

    // Every day from the first to the last day any fact names, so date slicers have no holes.
    private static List<DateRow> Calendar(HashSet<DateOnly> days, DistrictCalendar terms)
    {
        if (days.Count == 0)
        {
            return [];
        }

        var programYear = $"{terms.YearStart.Year}-{terms.YearEnd.Year}";
        // The bounds once: a Max() in the loop's condition walked the whole set every day (most of a district's build).
        var (first, last) = (days.Min(), days.Max());
        var rows = new List<DateRow>(last.DayNumber - first.DayNumber + 1);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            rows.Add(new DateRow
            {
                DateKey = SurrogateKey.Of(day), Date = day, Year = day.Year, Month = day.Month,
                MonthName = MonthNames[day.Month - 1], IsoWeek = ISOWeek.GetWeekOfYear(date), IsoYear = ISOWeek.GetYear(date),
                WeekStart = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), Weekday = DayNames[(int)day.DayOfWeek], SchoolYear = programYear, Term = terms.TermOf(day),
            });
        }

        return rows;
    }
}
