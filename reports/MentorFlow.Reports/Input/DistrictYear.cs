namespace MentorFlow.Reports.Input;

/// <summary>
/// One district's program year as the reports need it: facts only. Nothing here can hold a mentoring note — the types
/// have no field for one — so no report can carry one.
/// </summary>
/// <param name="DistrictId">The district's id.</param>
/// <param name="DistrictName">The district's name.</param>
/// <param name="ProgramYear">The program year, e.g. "2026-2027".</param>
/// <param name="Pairings">Every pairing of the year.</param>
/// <param name="Interactions">Every logged meeting or conversation (time and kind only).</param>
/// <param name="Observations">Every observation cycle.</param>
/// <param name="Mentors">The mentors, with their training and incentives.</param>
/// <param name="BeginningTeachers">The beginning educators served.</param>
/// <param name="Narrative">What the district says went well, what to improve, and its partnerships.</param>
/// <param name="Calendar">The district's configured program year and half-year terms; the program's defaults when not given.</param>
/// <param name="BeginningTeachersHired">Beginning educators HR hired for the year, paired or not; null until HR sends it.</param>
public sealed record DistrictYear(
    string DistrictId,
    string DistrictName,
    string ProgramYear,
    IReadOnlyList<PairingFacts> Pairings,
    IReadOnlyList<InteractionFacts> Interactions,
    IReadOnlyList<ObservationFacts> Observations,
    IReadOnlyList<MentorFacts> Mentors,
    IReadOnlyList<BeginningTeacherFacts> BeginningTeachers,
    DistrictNarrative Narrative,
    DistrictCalendar? Calendar = null,
    int? BeginningTeachersHired = null)
{
    /// <summary>The district's calendar: the one it configured, or the program's defaults for the program year.</summary>
    public DistrictCalendar Terms => Calendar ?? DistrictCalendar.Default(ProgramYear);
}

/// <summary>How a pairing's year ended.</summary>
public enum PairingResult
{
    /// <summary>Still running.</summary>
    InProgress,

    /// <summary>Completed the year.</summary>
    Completed,

    /// <summary>Did not complete it.</summary>
    Incomplete,

    /// <summary>Ended early.</summary>
    Separated,
}

/// <summary>One pairing's year in figures.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="School">The mentee's school.</param>
/// <param name="MentorId">The mentor's employee id.</param>
/// <param name="MenteeId">The mentee's employee id.</param>
/// <param name="InductionYear">1 to 3.</param>
/// <param name="Term">FullYear, FirstHalf or SecondHalf.</param>
/// <param name="StartsOn">The first day.</param>
/// <param name="RequiredHours">Hours outside the contract day the term requires.</param>
/// <param name="ConfirmedHoursOutside">Confirmed hours outside the contract day.</param>
/// <param name="Result">How the year ended.</param>
/// <param name="Frequency">Weekly, EveryTwoWeeks, Monthly or Less.</param>
/// <param name="MenteeRetained">False when the mentee left the district.</param>
/// <param name="MentorSatisfaction">The mentor's rating (1–5) at sign-off.</param>
/// <param name="MenteeSatisfaction">The mentee's rating (1–5) at sign-off.</param>
/// <param name="EndedOn">
/// The last day of the year the engine accepted activity for: the separation day, or the day the year finished; null while
/// it runs. Activity dated after it (or before <paramref name="StartsOn"/>) is not the year's and is reported nowhere.
/// </param>
/// <param name="PlanStarted">Both signed the action plan; a pairing that never did is not asked for satisfaction.</param>
/// <param name="AssignedOn">The day the mentor was assigned (the pairing was created); <paramref name="StartsOn"/> when not known.</param>
public sealed record PairingFacts(
    string PairingId,
    string School,
    string MentorId,
    string MenteeId,
    int InductionYear,
    string Term,
    DateOnly StartsOn,
    decimal RequiredHours,
    decimal ConfirmedHoursOutside,
    PairingResult Result,
    string Frequency,
    bool MenteeRetained,
    int? MentorSatisfaction,
    int? MenteeSatisfaction,
    DateOnly? EndedOn = null,
    bool PlanStarted = true,
    DateOnly? AssignedOn = null)
{
    /// <summary>True when <paramref name="day"/> lies in the span the year accepted activity for.</summary>
    /// <param name="day">The day an activity is dated.</param>
    public bool Accepts(DateOnly day) => day >= StartsOn && (EndedOn is not { } end || day <= end);


    /// <summary>True when the confirmed hours meet the requirement.</summary>
    public bool RequirementMet => ConfirmedHoursOutside >= RequiredHours;
}

/// <summary>One logged meeting or conversation: when, how long, how, what — never what was said.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Date">The day.</param>
/// <param name="Minutes">How long.</param>
/// <param name="Virtual">By video or phone.</param>
/// <param name="OutsideContractDay">Outside the contract day.</param>
/// <param name="Activities">The activity types.</param>
/// <param name="Confirmed">The mentee confirmed the time.</param>
public sealed record InteractionFacts(string PairingId, DateOnly Date, int Minutes, bool Virtual, bool OutsideContractDay, IReadOnlyList<string> Activities, bool Confirmed);

/// <summary>One observation cycle.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Type">MentorObservesMentee, MenteeObservesMentor or JointObservation.</param>
/// <param name="ObservedOn">The observation day.</param>
/// <param name="SubstituteHours">Substitute hours used.</param>
public sealed record ObservationFacts(string PairingId, string Type, DateOnly ObservedOn, decimal SubstituteHours);

/// <summary>A mentor, for the list the regulation asks for and the incentives.</summary>
/// <param name="EmployeeId">HR's id.</param>
/// <param name="Name">Name (the state submission only; published files never carry it).</param>
/// <param name="School">School.</param>
/// <param name="YearsOfExperience">Years of experience.</param>
/// <param name="TrainedOn">When mentor training was completed.</param>
/// <param name="Stipend">Stipend paid this year.</param>
/// <param name="Pdps">Professional development points awarded.</param>
public sealed record MentorFacts(string EmployeeId, string Name, string School, int YearsOfExperience, DateOnly? TrainedOn, decimal Stipend, int Pdps);

/// <summary>A beginning educator served.</summary>
/// <param name="EmployeeId">HR's id.</param>
/// <param name="Name">Name (the state submission only).</param>
/// <param name="School">School.</param>
/// <param name="Role">Teacher, EarlyChildhoodEducator, SupportStaff, ...</param>
/// <param name="InductionYear">1 to 3.</param>
/// <param name="HiredOn">The first day.</param>
/// <param name="EmployedNextYear">HR's answer on 1 October of the next school year: still employed by the district; null until HR sends it.</param>
public sealed record BeginningTeacherFacts(string EmployeeId, string Name, string School, string Role, int InductionYear, DateOnly HiredOn, bool? EmployedNextYear = null);

/// <summary>What the district reports in words.</summary>
/// <param name="GoingWell">Two things going well.</param>
/// <param name="ToImprove">Two things to improve.</param>
/// <param name="Partnerships">Partnerships (universities, collaboratives, ...).</param>
public sealed record DistrictNarrative(IReadOnlyList<string> GoingWell, IReadOnlyList<string> ToImprove, IReadOnlyList<string> Partnerships)
{
    /// <summary>Nothing said yet.</summary>
    public static DistrictNarrative Empty { get; } = new([], [], []);
}
