using MentorFlow.Core.Validation;

namespace MentorFlow.Core.Settings;

/// <summary>
/// One district's program rules for one program year. Every number has the default the program's
/// documents give; a district may change any of them.
/// </summary>
/// <param name="DistrictId">The district's id.</param>
/// <param name="YearStart">First day of the program year.</param>
/// <param name="YearEnd">Last day of the program year (sign-off day).</param>
/// <param name="FirstHalfEnd">Last day of the first half-year term.</param>
/// <param name="SecondHalfStart">First day of the second half-year term.</param>
/// <param name="FullYearHours">Confirmed hours outside the contract day a full-year pairing needs.</param>
/// <param name="HalfYearHours">Confirmed hours outside the contract day a half-year pairing needs.</param>
/// <param name="WeeklyMeetingTarget">Meetings a week the district expects.</param>
/// <param name="ActionPlanDueDays">Days after the pairing starts by which the action plan must be signed.</param>
/// <param name="ReminderCadenceDays">Days between reminders while a step waits on someone.</param>
/// <param name="EscalationDelayDays">Days past a step's due date before the coordinator is told.</param>
/// <param name="StepDueDays">Days allowed for the other steps (schedule, midyear check, sign-off, coordinator decision).</param>
/// <param name="SubstituteHoursPerPairing">Substitute coverage allowance per pairing, in hours.</param>
/// <param name="ObservationsPerTerm">Observation cycles expected in each half-year term.</param>
/// <param name="ObservationReminderDays">Days before a term ends when missing observations are reminded.</param>
/// <param name="NudgeAfterWeeks">Weeks without a logged meeting before the pair is nudged.</param>
/// <param name="AlertAfterWeeks">Weeks without a logged meeting before the coordinator is alerted.</param>
/// <param name="AtRiskPaceShare">A pairing whose confirmed hours are below this share of pace is at risk.</param>
/// <param name="ExtensionDays">Days a coordinator's "extended" decision adds.</param>
/// <param name="CoordinatorEmail">Where escalations and alerts go.</param>
/// <param name="ReminderLimit">
/// Reminders a waiting step sends each person before the coordinator is told instead; 0 sends them until the step is
/// done (what a year started before the limit existed was pinned with).
/// </param>
/// <param name="YearRules">
/// The edition of the year's rules the year was started under, pinned with it so a year replays under the rules it began
/// with: 0 for years started before editions existed; <see cref="CurrentYearRules"/> for a year starting now.
/// </param>
/// <param name="Breaks">School holidays (first and last day), over which reminders wait; none for years started before breaks existed.</param>
public sealed record DistrictProgramSettings(
    string DistrictId,
    DateOnly YearStart,
    DateOnly YearEnd,
    DateOnly FirstHalfEnd,
    DateOnly SecondHalfStart,
    decimal FullYearHours = 20,
    decimal HalfYearHours = 10,
    int WeeklyMeetingTarget = 1,
    int ActionPlanDueDays = 14,
    int ReminderCadenceDays = 3,
    int EscalationDelayDays = 3,
    int StepDueDays = 14,
    decimal SubstituteHoursPerPairing = 14,
    int ObservationsPerTerm = 2,
    int ObservationReminderDays = 21,
    int NudgeAfterWeeks = 2,
    int AlertAfterWeeks = 3,
    decimal AtRiskPaceShare = 0.75m,
    int ExtensionDays = 60,
    string CoordinatorEmail = "coordinator@district.example",
    int ReminderLimit = 0,
    int YearRules = 0,
    IReadOnlyList<SchoolBreak>? Breaks = null)
{
    /// <summary>
    /// The edition of the year's rules a year starting now follows. Edition 1: the mentee is told when the plan is ready to
    /// sign, a disputed log reaches its mentor, unconfirmed time is asked for weekly, a pair whose plan was never signed is
    /// not asked to sign off, and the year ends with a summary for both.
    /// </summary>
    public const int CurrentYearRules = 1;

    /// <summary>The reminders a waiting step sends each person, by default, before the coordinator is told instead.</summary>
    public const int DefaultReminderLimit = 3;

    /// <summary>A district's settings with every default, for the program year starting in September of <paramref name="startYear"/>.</summary>
    public static DistrictProgramSettings ForSchoolYear(string districtId, int startYear) => new(
        districtId,
        new DateOnly(startYear, 9, 1),
        new DateOnly(startYear + 1, 6, 15),
        new DateOnly(startYear + 1, 1, 22),
        new DateOnly(startYear + 1, 1, 25),
        ReminderLimit: DefaultReminderLimit,
        YearRules: CurrentYearRules);

    /// <summary>The program year's name, e.g. "2026-2027".</summary>
    public string ProgramYear => $"{YearStart.Year}-{YearEnd.Year}";

    /// <summary>The first and last day of <paramref name="term"/>.</summary>
    public (DateOnly Start, DateOnly End) TermDates(PairingTerm term) => term switch
    {
        PairingTerm.FirstHalf => (YearStart, FirstHalfEnd),
        PairingTerm.SecondHalf => (SecondHalfStart, YearEnd),
        _ => (YearStart, YearEnd),
    };

    /// <summary>Confirmed hours outside the contract day that <paramref name="term"/> requires.</summary>
    public decimal RequiredHours(PairingTerm term) => term == PairingTerm.FullYear ? FullYearHours : HalfYearHours;

    /// <summary>The half-year terms a pairing of <paramref name="term"/> spans, for observation expectations.</summary>
    public IReadOnlyList<(DateOnly Start, DateOnly End)> ObservationTerms(PairingTerm term) => term switch
    {
        PairingTerm.FullYear => [(YearStart, FirstHalfEnd), (SecondHalfStart, YearEnd)],
        _ => [TermDates(term)],
    };

    /// <summary>Rule violations in these settings; empty when they are usable.</summary>
    public IReadOnlyList<RuleViolation> Validate() => new RuleCheck()
        .RequireText(DistrictId, "districtId", "the district id")
        .Require(YearStart < FirstHalfEnd && FirstHalfEnd < SecondHalfStart && SecondHalfStart < YearEnd, "terms",
            "the dates must run year start < first-half end < second-half start < year end")
        .Require(FullYearHours > 0 && HalfYearHours > 0, "hours", "required hours must be more than 0")
        .Require(WeeklyMeetingTarget >= 1, "weeklyMeetingTarget", "the weekly meeting target must be at least 1")
        .Require(ActionPlanDueDays >= 1 && StepDueDays >= 1, "dueDays", "due days must be at least 1")
        .Require(ReminderCadenceDays >= 1, "reminderCadenceDays", "reminders need a cadence of at least 1 day")
        .Require(EscalationDelayDays >= 0, "escalationDelayDays", "the escalation delay cannot be negative")
        .Require(SubstituteHoursPerPairing >= 0, "substituteHoursPerPairing", "the substitute allowance cannot be negative")
        .Require(ObservationsPerTerm >= 0, "observationsPerTerm", "observations per term cannot be negative")
        .Require(NudgeAfterWeeks >= 1 && AlertAfterWeeks > NudgeAfterWeeks, "alertAfterWeeks",
            "the coordinator alert must come after the nudge (weeks)")
        .Require(AtRiskPaceShare is > 0 and <= 1, "atRiskPaceShare", "the at-risk share must be between 0 and 1")
        .RequireText(CoordinatorEmail, "coordinatorEmail", "the coordinator's email")
        .Require(Breaks is null || Breaks.All(b => b.From <= b.To), "breaks", "each school break must end on or after its first day")
        .Violations;
}
