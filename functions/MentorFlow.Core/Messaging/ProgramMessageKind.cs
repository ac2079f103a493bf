namespace MentorFlow.Core.Messaging;

/// <summary>Every message the program year sends.</summary>
public enum ProgramMessageKind
{
    /// <summary>Kickoff: here is your action-plan link.</summary>
    ActionPlanInvite,

    /// <summary>The action plan still needs your signature.</summary>
    ActionPlanReminder,

    /// <summary>To the coordinator: a plan is past its deadline.</summary>
    ActionPlanEscalation,

    /// <summary>Fill in your regular meeting schedule.</summary>
    ScheduleRequest,

    /// <summary>The schedule is still missing.</summary>
    ScheduleReminder,

    /// <summary>To the coordinator: a schedule is overdue.</summary>
    ScheduleEscalation,

    /// <summary>The calendar invite (.ics) for the regular meeting.</summary>
    MeetingInvite,

    /// <summary>To the pair: no meeting logged for a while.</summary>
    MeetingNudge,

    /// <summary>To the coordinator: a pair has not met for weeks.</summary>
    MeetingGapAlert,

    /// <summary>To the pair: this term's observations are missing.</summary>
    ObservationReminder,

    /// <summary>The midyear check, with figures pre-filled.</summary>
    MidyearRequest,

    /// <summary>The midyear check is still missing.</summary>
    MidyearReminder,

    /// <summary>To the coordinator: a pairing is at risk at midyear.</summary>
    AtRiskAlert,

    /// <summary>End of year: confirm the hours and sign off.</summary>
    SignOffRequest,

    /// <summary>The sign-off is still missing.</summary>
    SignOffReminder,

    /// <summary>To the coordinator: a sign-off is overdue.</summary>
    SignOffEscalation,

    /// <summary>To the coordinator: decide this pairing's year.</summary>
    DecisionRequest,

    /// <summary>To the coordinator: the decision is still missing.</summary>
    DecisionReminder,

    /// <summary>To everyone: the year's outcome.</summary>
    OutcomeNotice,

    /// <summary>To the coordinator: a pairing ended early.</summary>
    SeparationNotice,

    /// <summary>To the mentee: the mentor wrote and signed the action plan; it is ready for the mentee's signature.</summary>
    PlanReadyToSign,

    /// <summary>To the mentor: the mentee disputed logged time, and why.</summary>
    LogDisputed,

    /// <summary>To the mentee: at most weekly, how many logs wait for their confirmation.</summary>
    ConfirmationDigest,
}
