using System.Globalization;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports.PowerBi;

/// <summary>
/// The Power BI star schema of a program year, de-identified: no names or employee ids, only surrogate keys; a school
/// with fewer than 6 beginning educators is grouped with the district's other small schools, so no school slice
/// describes fewer than 6; a district that small is flagged <c>small_cell</c>.
/// </summary>
/// <param name="Interactions">fact_interaction.</param>
/// <param name="Observations">fact_observation.</param>
/// <param name="PairingYears">fact_pairing_year.</param>
/// <param name="Dates">dim_date.</param>
/// <param name="Districts">dim_district.</param>
/// <param name="Schools">dim_school.</param>
/// <param name="Pairings">dim_pairing.</param>
/// <param name="ActivityTypes">dim_activity_type.</param>
public sealed record StarSchema(
    IReadOnlyList<InteractionRow> Interactions,
    IReadOnlyList<ObservationRow> Observations,
    IReadOnlyList<PairingYearRow> PairingYears,
    IReadOnlyList<DateRow> Dates,
    IReadOnlyList<DistrictRow> Districts,
    IReadOnlyList<SchoolRow> Schools,
    IReadOnlyList<PairingRow> Pairings,
    IReadOnlyList<ActivityTypeRow> ActivityTypes)
{
    /// <summary>The name of a district's group of small schools.</summary>
    public const string GroupedSchools = "Smaller schools (grouped)";

    /// <summary>The activity types the program knows.</summary>
    public static readonly IReadOnlyList<string> KnownActivityTypes =
    [
        "RegularMeeting", "BriefConversation", "MentorObservesMentee", "MenteeObservesMentor", "JointObservation", "DataAnalysis",
        "RecordedLessonReview", "ArtifactsOfPractice", "RecordkeepingSupport", "DueProcessReview", "StudentWorkReview",
        "OrganizingSpaceAndWorkflow", "FamilyCommunicationPlan", "CulturallyRelevantLessonUnpacking",
    ];

    /// <summary>The schema of <paramref name="districts"/>' year.</summary>
    public static StarSchema Build(IReadOnlyList<DistrictYear> districts)
    {
        ArgumentNullException.ThrowIfNull(districts);
        var districtRows = new List<DistrictRow>();
        var schoolRows = new Dictionary<long, SchoolRow>();
        var pairingRows = new List<PairingRow>();
        var pairingYears = new List<PairingYearRow>();
        var interactions = new List<InteractionRow>();
        var observations = new List<ObservationRow>();
        var dates = new HashSet<DateOnly>();
        foreach (var district in districts.OrderBy(d => d.DistrictId, StringComparer.Ordinal))
        {
            var districtKey = SurrogateKey.Of("district", district.DistrictId);
            var mentees = district.Pairings.Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count();
            districtRows.Add(new DistrictRow { DistrictKey = districtKey, DistrictId = district.DistrictId, DistrictName = district.DistrictName, SmallCell = mentees < SmallCellSuppression.Threshold });
            var bigSchools = district.Pairings.GroupBy(p => p.School, StringComparer.Ordinal)
                .Where(g => g.Select(p => p.MenteeId).Distinct(StringComparer.Ordinal).Count() >= SmallCellSuppression.Threshold)
                .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            var pairingKeys = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var pairing in district.Pairings)
            {
                var schoolName = bigSchools.Contains(pairing.School) ? pairing.School : GroupedSchools;
                var schoolKey = SurrogateKey.Of("school", $"{district.DistrictId}/{schoolName}");
                schoolRows.TryAdd(schoolKey, new SchoolRow { SchoolKey = schoolKey, DistrictKey = districtKey, SchoolName = schoolName });
                var pairingKey = SurrogateKey.Of("pairing", $"{district.DistrictId}/{pairing.PairingId}");
                pairingKeys[pairing.PairingId] = pairingKey;
                pairingRows.Add(new PairingRow { PairingKey = pairingKey, DistrictKey = districtKey, SchoolKey = schoolKey, InductionYear = pairing.InductionYear, Term = pairing.Term });
                pairingYears.Add(new PairingYearRow
                {
                    PairingKey = pairingKey, DistrictKey = districtKey, SchoolKey = schoolKey, StartDateKey = SurrogateKey.Of(pairing.StartsOn),
                    RequiredHours = (double)pairing.RequiredHours, ConfirmedHours = (double)pairing.ConfirmedHoursOutside, RequirementMet = pairing.RequirementMet,
                    Outcome = pairing.Result.ToString(), MeetingFrequency = pairing.Frequency, MenteeRetained = pairing.MenteeRetained,
                });
                dates.Add(pairing.StartsOn);
            }

            foreach (var interaction in district.Interactions.Where(i => pairingKeys.ContainsKey(i.PairingId)))
            {
                interactions.Add(new InteractionRow
                {
                    PairingKey = pairingKeys[interaction.PairingId], DateKey = SurrogateKey.Of(interaction.Date),
                    ActivityTypeKey = SurrogateKey.Of("activity", interaction.Activities.Count > 0 ? interaction.Activities[0] : "RegularMeeting"),
                    ActivityCount = interaction.Activities.Count, Minutes = interaction.Minutes, IsVirtual = interaction.Virtual,
                    OutsideContractDay = interaction.OutsideContractDay, Confirmed = interaction.Confirmed,
                });
                dates.Add(interaction.Date);
            }

            foreach (var observation in district.Observations.Where(o => pairingKeys.ContainsKey(o.PairingId)))
            {
                observations.Add(new ObservationRow
                {
                    PairingKey = pairingKeys[observation.PairingId], DateKey = SurrogateKey.Of(observation.ObservedOn),
                    ObservationType = observation.Type, SubstituteHours = (double)observation.SubstituteHours,
                });
                dates.Add(observation.ObservedOn);
            }
        }

        return new StarSchema(interactions, observations, pairingYears, Calendar(dates), districtRows, [.. schoolRows.Values],
            pairingRows, [.. KnownActivityTypes.Select(a => new ActivityTypeRow { ActivityTypeKey = SurrogateKey.Of("activity", a), ActivityType = a })]);
    }

    // Every day from the first to the last day any fact names, so date slicers have no holes.
    private static List<DateRow> Calendar(HashSet<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return [];
        }

        var rows = new List<DateRow>();
        for (var day = days.Min(); day <= days.Max(); day = day.AddDays(1))
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            var startYear = day.Month >= 9 ? day.Year : day.Year - 1;
            rows.Add(new DateRow
            {
                DateKey = SurrogateKey.Of(day), Date = date, Year = day.Year, Month = day.Month,
                MonthName = date.ToString("MMMM", CultureInfo.InvariantCulture), IsoWeek = ISOWeek.GetWeekOfYear(date), IsoYear = ISOWeek.GetYear(date),
                WeekStart = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToDateTime(TimeOnly.MinValue),
                Weekday = day.DayOfWeek.ToString(), SchoolYear = $"{startYear}-{startYear + 1}",
                Term = day.Month is >= 9 or 1 ? "FirstHalf" : "SecondHalf",
            });
        }

        return rows;
    }
}
