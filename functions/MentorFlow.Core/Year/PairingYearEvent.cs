using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.SignOffs;

namespace MentorFlow.Core.Year;

/// <summary>What a person did that the pairing year waits for or counts.</summary>
public enum PairingYearEventKind
{
    /// <summary>The mentor or mentee signed the action plan.</summary>
    ActionPlanSigned,

    /// <summary>The mentor submitted the meeting schedule.</summary>
    ScheduleSubmitted,

    /// <summary>A meeting or conversation was logged (or corrected).</summary>
    InteractionLogged,

    /// <summary>The mentee confirmed or disputed logged time.</summary>
    TimeConfirmed,

    /// <summary>An observation cycle was logged.</summary>
    ObservationLogged,

    /// <summary>The midyear check was submitted.</summary>
    MidyearSubmitted,

    /// <summary>The mentor or mentee signed off the year.</summary>
    SignedOff,

    /// <summary>The coordinator decided the year.</summary>
    CoordinatorDecided,

    /// <summary>The pairing ended early.</summary>
    Separated,

    /// <summary>The mentor withdrew a meeting they logged, before the mentee confirmed it.</summary>
    InteractionWithdrawn,

    /// <summary>The mentee gave their own word at midyear.</summary>
    MenteeMidyearSubmitted,
}

/// <summary>
/// One event raised to a pairing's PairingYear orchestration (always under <c>PairingYearEvent</c>,
/// so events are handled in the order they arrived). It never carries private notes.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="By">Who did it, for signatures.</param>
/// <param name="Schedule">The schedule, for <see cref="PairingYearEventKind.ScheduleSubmitted"/>.</param>
/// <param name="Interaction">The logged interaction, for <see cref="PairingYearEventKind.InteractionLogged"/>.</param>
/// <param name="ConfirmedLogIds">Logs the mentee confirmed.</param>
/// <param name="DisputedLogIds">Logs the mentee disputed.</param>
/// <param name="Observation">The observation cycle.</param>
/// <param name="Midyear">The midyear check.</param>
/// <param name="SignOff">The sign-off.</param>
/// <param name="Decision">The coordinator's decision.</param>
/// <param name="Separation">The separation.</param>
/// <param name="Id">The event's own id, when its sender may raise it again (after a crash between raising and recording it): the year applies an id once.</param>
/// <param name="WithdrawnLogId">The log the mentor withdrew, for <see cref="PairingYearEventKind.InteractionWithdrawn"/>.</param>
/// <param name="DisputeReasons">Why the mentee disputed each disputed log (by log id): between the pair, for the mentor's message only.</param>
/// <param name="MenteeMidyear">The mentee's word at midyear, for <see cref="PairingYearEventKind.MenteeMidyearSubmitted"/>.</param>
public sealed record PairingYearEvent(
    PairingYearEventKind Kind,
    RecipientRole? By = null,
    MeetingSchedule? Schedule = null,
    LoggedInteraction? Interaction = null,
    IReadOnlyList<string>? ConfirmedLogIds = null,
    IReadOnlyList<string>? DisputedLogIds = null,
    ObservationCycle? Observation = null,
    MidyearCheck? Midyear = null,
    SignOff? SignOff = null,
    CoordinatorDecision? Decision = null,
    Separation? Separation = null,
    string? Id = null,
    string? WithdrawnLogId = null,
    IReadOnlyDictionary<string, string>? DisputeReasons = null,
    MenteeMidyearWord? MenteeMidyear = null)
{
    /// <summary>The mentor or mentee signed the action plan.</summary>
    public static PairingYearEvent PlanSigned(RecipientRole by) => new(PairingYearEventKind.ActionPlanSigned, By: by);

    /// <summary>The schedule was submitted.</summary>
    public static PairingYearEvent ScheduleIn(MeetingSchedule schedule) => new(PairingYearEventKind.ScheduleSubmitted, Schedule: schedule);

    /// <summary>A meeting was logged; pass <see cref="CollaborationLog.ToInteraction"/> so notes stay out.</summary>
    public static PairingYearEvent Logged(LoggedInteraction interaction) => new(PairingYearEventKind.InteractionLogged, Interaction: interaction);

    /// <summary>The mentee confirmed and disputed logged time.</summary>
    public static PairingYearEvent Confirmed(IReadOnlyList<string> confirmed, IReadOnlyList<string>? disputed = null, IReadOnlyDictionary<string, string>? reasons = null) =>
        new(PairingYearEventKind.TimeConfirmed, ConfirmedLogIds: confirmed, DisputedLogIds: disputed ?? [], DisputeReasons: reasons);

    /// <summary>The mentor withdrew a log the mentee had not confirmed.</summary>
    public static PairingYearEvent Withdrawn(string logId) => new(PairingYearEventKind.InteractionWithdrawn, WithdrawnLogId: logId);

    /// <summary>An observation cycle was logged.</summary>
    public static PairingYearEvent Observed(ObservationCycle cycle) => new(PairingYearEventKind.ObservationLogged, Observation: cycle);

    /// <summary>The midyear check was submitted.</summary>
    public static PairingYearEvent MidyearIn(MidyearCheck check) => new(PairingYearEventKind.MidyearSubmitted, Midyear: check);

    /// <summary>The mentee gave their own word at midyear.</summary>
    public static PairingYearEvent MenteeMidyearIn(MenteeMidyearWord word) => new(PairingYearEventKind.MenteeMidyearSubmitted, MenteeMidyear: word);

    /// <summary>The mentor or mentee signed off.</summary>
    public static PairingYearEvent SignedOffBy(RecipientRole by, SignOff signOff) => new(PairingYearEventKind.SignedOff, By: by, SignOff: signOff);

    /// <summary>The coordinator decided.</summary>
    public static PairingYearEvent Decided(CoordinatorDecision decision) => new(PairingYearEventKind.CoordinatorDecided, Decision: decision);

    /// <summary>The pairing ended early.</summary>
    public static PairingYearEvent Ended(Separation separation) => new(PairingYearEventKind.Separated, Separation: separation);
}
