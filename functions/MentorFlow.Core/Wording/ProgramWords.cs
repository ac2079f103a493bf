using System.Text.RegularExpressions;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Figures;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Settings;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Wording;

/// <summary>
/// The program's words for every code a person reads — stages, observation types, activities, terms, frequencies,
/// reasons, decisions, outcomes, confirmations, flags — in one place per code, sentence case. Pages, confirmations and
/// emails show these; forms still post (and analysts' files still keep) the codes.
/// </summary>
public static partial class ProgramWords
{
    /// <summary>The enums whose values reach people, each worded by an <c>Of</c> overload here.</summary>
    public static readonly IReadOnlyList<Type> EnumsPeopleRead =
    [
        typeof(PairingStage), typeof(PairingYearResult), typeof(ObservationType), typeof(CollaborationActivity), typeof(PairingTerm),
        typeof(MeetingFrequency), typeof(SeparationReason), typeof(CoordinatorDecision), typeof(TimeConfirmation), typeof(CommitmentCategory),
        typeof(RatingBand), typeof(EducatorRole), typeof(RecipientRole), typeof(ProgramMessageKind),
    ];

    /// <summary>The coordinator's flags, as the year and the dashboard name them (overdue, at-risk, …).</summary>
    public static readonly IReadOnlyList<string> Flags = ["overdue", "at-risk", "behind-pace", "no-meetings", "separated", "mail-failing"];

    /// <summary>The stage name the dashboard uses before a pairing's first day.</summary>
    public const string NotStarted = nameof(NotStarted);

    /// <summary>A stage, as a coordinator or the pair reads it.</summary>
    public static string Of(PairingStage stage) => stage switch
    {
        PairingStage.Kickoff => "Action plan",
        PairingStage.ScheduleFillIn => "Meeting schedule",
        PairingStage.FirstObservations => "Meetings and observations, first half",
        PairingStage.MidyearCheck => "Midyear check",
        PairingStage.SecondObservations => "Meetings and observations, second half",
        PairingStage.SignOff => "Sign-off",
        PairingStage.CoordinatorDecision => "Coordinator's decision",
        PairingStage.Finished => "Year finished",
        _ => throw Unworded(stage),
    };

    /// <summary>How a year ended.</summary>
    public static string Of(PairingYearResult result) => result switch
    {
        PairingYearResult.Completed => "Completed the program year",
        PairingYearResult.Incomplete => "Did not complete the program year",
        PairingYearResult.Separated => "Ended early",
        _ => throw Unworded(result),
    };

    /// <summary>Who observes whom in an observation cycle.</summary>
    public static string Of(ObservationType type) => type switch
    {
        ObservationType.MentorObservesMentee => "Mentor observes the mentee's class",
        ObservationType.MenteeObservesMentor => "Mentee observes the mentor's class",
        ObservationType.JointObservation => "Both observe another effective educator",
        _ => throw Unworded(type),
    };

    /// <summary>What a pair did together.</summary>
    public static string Of(CollaborationActivity activity) => activity switch
    {
        CollaborationActivity.RegularMeeting => "Regular meeting",
        CollaborationActivity.BriefConversation => "Brief mentoring conversation",
        CollaborationActivity.MentorObservesMentee => "Mentor observes the mentee's class, with pre- and post-conference",
        CollaborationActivity.MenteeObservesMentor => "Mentee observes the mentor's class, with pre- and post-conference",
        CollaborationActivity.JointObservation => "Both observe another effective educator and confer about it",
        CollaborationActivity.DataAnalysis => "Analyze data together to decide next steps",
        CollaborationActivity.RecordedLessonReview => "Record a lesson of the mentee's and review it",
        CollaborationActivity.ArtifactsOfPractice => "Evidence and artifacts of best practice",
        CollaborationActivity.RecordkeepingSupport => "Recordkeeping protocols, documentation and management systems",
        CollaborationActivity.DueProcessReview => "Review due-process expectations",
        CollaborationActivity.StudentWorkReview => "Review student work and plan next steps",
        CollaborationActivity.OrganizingSpaceAndWorkflow => "Organize space or materials; analyze workflow",
        CollaborationActivity.FamilyCommunicationPlan => "An equitable family communication plan",
        CollaborationActivity.CulturallyRelevantLessonUnpacking => "Unpack a lesson for culturally relevant practice and equity",
        _ => throw Unworded(activity),
    };

    /// <summary>How long a pairing runs.</summary>
    public static string Of(PairingTerm term) => term switch
    {
        PairingTerm.FullYear => "Full program year",
        PairingTerm.FirstHalf => "First half of the year",
        PairingTerm.SecondHalf => "Second half of the year",
        _ => throw Unworded(term),
    };

    /// <summary>How often a pair meets.</summary>
    public static string Of(MeetingFrequency frequency) => frequency switch
    {
        MeetingFrequency.Weekly => "About every week",
        MeetingFrequency.EveryTwoWeeks => "About every two weeks",
        MeetingFrequency.Monthly => "About once a month",
        MeetingFrequency.Less => "Less than once a month",
        _ => throw Unworded(frequency),
    };

    /// <summary>Why a pairing ended early.</summary>
    public static string Of(SeparationReason reason) => reason switch
    {
        SeparationReason.MenteeLeftDistrict => "The mentee left the district",
        SeparationReason.MentorLeftDistrict => "The mentor left the district",
        SeparationReason.Reassigned => "The mentee was given another mentor",
        SeparationReason.Other => "Another reason",
        _ => throw Unworded(reason),
    };

    /// <summary>The coordinator's decision on a year.</summary>
    public static string Of(CoordinatorDecision decision) => decision switch
    {
        CoordinatorDecision.Completed => "Completed the program year",
        CoordinatorDecision.Incomplete => "Did not complete the program year",
        CoordinatorDecision.Extended => "More time, then sign off again",
        _ => throw Unworded(decision),
    };

    /// <summary>The mentee's word on logged time.</summary>
    public static string Of(TimeConfirmation confirmation) => confirmation switch
    {
        TimeConfirmation.Pending => "Waiting for the mentee to confirm",
        TimeConfirmation.Confirmed => "Confirmed by the mentee",
        TimeConfirmation.Disputed => "Disputed by the mentee",
        _ => throw Unworded(confirmation),
    };

    /// <summary>What a collective commitment is about.</summary>
    public static string Of(CommitmentCategory category) => category switch
    {
        CommitmentCategory.Attendance => "Our attendance",
        CommitmentCategory.Participation => "Our participation",
        CommitmentCategory.Interaction => "How we interact with each other",
        CommitmentCategory.Other => "Other necessary commitments",
        _ => throw Unworded(category),
    };

    /// <summary>A summative rating band.</summary>
    public static string Of(RatingBand band) => band switch
    {
        RatingBand.Unsatisfactory => "Rated unsatisfactory",
        RatingBand.NeedsImprovement => "Rated needs improvement",
        RatingBand.Proficient => "Rated proficient",
        RatingBand.Exemplary => "Rated exemplary",
        _ => throw Unworded(band),
    };

    /// <summary>An educator's role.</summary>
    public static string Of(EducatorRole role) => role switch
    {
        EducatorRole.Teacher => "Classroom teacher",
        EducatorRole.EarlyChildhoodEducator => "Early-childhood educator",
        EducatorRole.SupportStaff => "Business or support staff",
        EducatorRole.Consultant => "Consultant or coach",
        EducatorRole.Administrator => "School administrator",
        _ => throw Unworded(role),
    };

    /// <summary>Someone's part in a pairing.</summary>
    public static string Of(RecipientRole role) => role switch
    {
        RecipientRole.Mentor => "The mentor",
        RecipientRole.Mentee => "The mentee",
        RecipientRole.Coordinator => "The program coordinator",
        _ => throw Unworded(role),
    };

    /// <summary>What an email of the year is, as its subject line says it.</summary>
    public static string Of(ProgramMessageKind kind) => Year.PairingYearMessages.SubjectOf(kind);

    /// <summary>Any value of <see cref="EnumsPeopleRead"/>, by its own overload.</summary>
    public static string Of(Enum value) => value switch
    {
        PairingStage v => Of(v),
        PairingYearResult v => Of(v),
        ObservationType v => Of(v),
        CollaborationActivity v => Of(v),
        PairingTerm v => Of(v),
        MeetingFrequency v => Of(v),
        SeparationReason v => Of(v),
        CoordinatorDecision v => Of(v),
        TimeConfirmation v => Of(v),
        CommitmentCategory v => Of(v),
        RatingBand v => Of(v),
        EducatorRole v => Of(v),
        RecipientRole v => Of(v),
        ProgramMessageKind v => Of(v),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a code people read"),
    };

    /// <summary>A stage by its code name as the dashboard carries it (<see cref="NotStarted"/> included); unknown names stay as they are.</summary>
    public static string OfStage(string stage) => stage == NotStarted
        ? "Not started yet"
        : Enum.TryParse<PairingStage>(stage, out var known) && Enum.IsDefined(known) ? Of(known) : stage;

    /// <summary>A coordinator's flag (see <see cref="Flags"/>); unknown flags stay as they are.</summary>
    public static string OfFlag(string flag) => flag switch
    {
        "overdue" => "Overdue",
        "at-risk" => "At risk",
        "behind-pace" => "Behind pace",
        "no-meetings" => "No recent meetings",
        "separated" => "Ended early",
        "mail-failing" => "Emails not going out",
        _ => flag,
    };

    /// <summary>
    /// The message with the codes its body carries in the program's words. The year composes some details from codes
    /// ("Outcome: Completed.", "Ended 2027-01-15: MenteeLeftDistrict."), and those texts are recorded in its history as
    /// the send activity's input, so they are worded here, at send time: replay and pairings in flight are unchanged.
    /// </summary>
    public static ProgramMessage InWords(ProgramMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Kind switch
        {
            ProgramMessageKind.OutcomeNotice => OutcomeLine().Replace(message.Body, m => Worded<PairingYearResult>(m, r => $"Outcome: {Of(r)}.")),
            ProgramMessageKind.SeparationNotice => EndedLine().Replace(message.Body, m => Worded<SeparationReason>(m, r => $"Ended {m.Groups["on"].Value}: {Of(r)}.")),
            _ => message.Body,
        };
        return body == message.Body ? message : message with { Body = body };
    }

    // A line whose code does not parse is left as written: better a code than a wrong word.
    private static string Worded<TEnum>(Match match, Func<TEnum, string> words)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(match.Groups["code"].Value, out var code) && Enum.IsDefined(code) ? words(code) : match.Value;

    [GeneratedRegex(@"^Outcome: (?<code>[A-Za-z]+)\.$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex OutcomeLine();

    [GeneratedRegex(@"^Ended (?<on>\d{4}-\d{2}-\d{2}): (?<code>[A-Za-z]+)\.$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EndedLine();

    private static ArgumentOutOfRangeException Unworded(Enum value) => new(nameof(value), value, "no words for this code");
}
