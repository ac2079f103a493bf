using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.SignOffs;

namespace MentorFlow.Core.Year;

/// <summary>
/// Everything the PairingYear orchestration knows about its year, carried across continue-as-new.
/// It holds logs without notes only.
/// </summary>
public sealed class PairingYearState
{
    /// <summary>The current stage.</summary>
    public PairingStage Stage { get; set; }

    /// <summary>When the current stage began (UTC).</summary>
    public DateTime StageSince { get; set; }

    /// <summary>What the stage waits for, when it waits on someone.</summary>
    public WaitingStep? Waiting { get; set; }

    /// <summary>The last day of the pairing's year (moves when the coordinator extends it).</summary>
    public DateOnly EndsOn { get; set; }

    /// <summary>Extensions granted.</summary>
    public int Extensions { get; set; }

    /// <summary>Who signed the action plan.</summary>
    public List<RecipientRole> PlanSignedBy { get; set; } = [];

    /// <summary>When the plan was fully signed: the pace checks start then.</summary>
    public DateOnly? PlanSignedOn { get; set; }

    /// <summary>The regular meeting schedule.</summary>
    public MeetingSchedule? Schedule { get; set; }

    /// <summary>Schedules submitted (each sends new invites).</summary>
    public int ScheduleVersions { get; set; }

    /// <summary>Logged meetings and conversations, without notes.</summary>
    public List<LoggedInteraction> Interactions { get; set; } = [];

    /// <summary>Observation cycles.</summary>
    public List<ObservationCycle> Observations { get; set; } = [];

    /// <summary>The midyear check, once submitted.</summary>
    public MidyearCheck? Midyear { get; set; }

    /// <summary>The mentee's own word at midyear, once given.</summary>
    public MenteeMidyearWord? MenteeMidyear { get; set; }

    /// <summary>True once the midyear check was sent.</summary>
    public bool MidyearSent { get; set; }

    /// <summary>Sign-offs by role.</summary>
    public Dictionary<RecipientRole, SignOff> SignOffs { get; set; } = [];

    /// <summary>The gap (its first day) the pair was nudged about.</summary>
    public DateOnly? NudgedForGapFrom { get; set; }

    /// <summary>The gap (its first day) the coordinator was alerted about.</summary>
    public DateOnly? AlertedForGapFrom { get; set; }

    /// <summary>Half-year terms (by index) whose missing observations were reminded.</summary>
    public List<int> ObservationRemindersSent { get; set; } = [];

    /// <summary>True once the pairing was flagged at risk.</summary>
    public bool AtRisk { get; set; }

    /// <summary>The coordinator's decision, when one was made.</summary>
    public CoordinatorDecision? Decision { get; set; }

    /// <summary>The separation, when the pairing ended early.</summary>
    public Separation? Separation { get; set; }

    /// <summary>The outcome, once finished.</summary>
    public PairingYearOutcome? Outcome { get; set; }

    /// <summary>Ids of the events applied, so an event raised again changes nothing.</summary>
    public List<string> AppliedEventIds { get; set; } = [];

    /// <summary>Messages the mail server did not take yet, in the order they were queued; they are tried again later.</summary>
    public List<ProgramMessage> UnsentMail { get; set; } = [];

    /// <summary>Since when sending fails (UTC), while it does.</summary>
    public DateTime? MailFailingSince { get; set; }

    /// <summary>Failed tries since mail last went out; each doubles the wait before the next.</summary>
    public int MailTries { get; set; }

    /// <summary>When the unsent messages are tried again (UTC).</summary>
    public DateTime? MailRetryAt { get; set; }

    /// <summary>When the mentee was last sent the weekly list of time waiting for confirmation (UTC).</summary>
    public DateTime? ConfirmationDigestAt { get; set; }

    /// <summary>Since when some logged time has waited for the mentee's word (UTC), while some does.</summary>
    public DateTime? ConfirmationsPendingSince { get; set; }

    /// <summary>Messages telling the mentor of a dispute, so far (each one's number keeps its send idempotent).</summary>
    public int DisputeNotices { get; set; }
}
