using System.Globalization;
using MentorFlow.Core.Figures;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.SignOffs;

namespace MentorFlow.Core.Year;

/// <summary>
/// The program year's rules as a deterministic state machine: events and the passing of time change
/// the state and queue messages. The orchestrator only waits, sends and carries the state; every rule is
/// here, where tests can run it without an engine.
/// </summary>
public sealed class PairingYearProgress
{
    private static readonly TimeOnly StepTime = new(12, 0); // midday UTC: the same school day across US time zones
    private static readonly TimeSpan FirstMailRetry = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestMailRetry = TimeSpan.FromHours(6);
    private readonly PairingYearSubject _subject;
    private readonly Settings.DistrictProgramSettings _settings;
    private readonly Recipient _coordinator;
    private readonly List<ProgramMessage> _outbox = [];

    /// <summary>Continues the year in <paramref name="input"/> (or prepares a new one when it carries no state).</summary>
    public PairingYearProgress(PairingYearInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _subject = input.Subject;
        _settings = input.Settings;
        _coordinator = new Recipient(RecipientRole.Coordinator, "Program coordinator", _settings.CoordinatorEmail);
        State = input.State ?? new PairingYearState { EndsOn = _settings.TermDates(_subject.Term).End };
    }

    /// <summary>The state to carry on.</summary>
    public PairingYearState State { get; }

    /// <summary>The outcome, once the year is over.</summary>
    public PairingYearOutcome? Outcome => State.Outcome;

    /// <summary>Hours the pairing's term requires.</summary>
    public decimal RequiredHours => _settings.RequiredHours(_subject.Term);

    /// <summary>True while messages wait for the mail server to take them.</summary>
    public bool HoldsMail => State.UnsentMail.Count > 0;

    /// <summary>
    /// Takes the messages to send at <paramref name="now"/>: those queued since the last call, after any the mail server did
    /// not take before. While mail fails and its next try is not due, new messages wait with the others and none is returned.
    /// </summary>
    public IReadOnlyList<ProgramMessage> TakeOutbox(DateTime now)
    {
        if (HoldsMail && now < State.MailRetryAt)
        {
            State.UnsentMail.AddRange(_outbox);
            _outbox.Clear();
            return [];
        }

        List<ProgramMessage> messages = [.. State.UnsentMail, .. _outbox];
        State.UnsentMail.Clear();
        _outbox.Clear();
        return messages;
    }

    /// <summary>The messages went out: mail works again.</summary>
    public void MailSent()
    {
        State.MailFailingSince = null;
        State.MailTries = 0;
        State.MailRetryAt = null;
    }

    /// <summary>
    /// The mail server did not take <paramref name="messages"/>: they wait, and are tried again after a wait that doubles with
    /// each failed try (15 minutes, 30, an hour, ...) up to 6 hours, for as long as mail fails.
    /// </summary>
    public void MailFailed(IReadOnlyList<ProgramMessage> messages, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        State.UnsentMail.InsertRange(0, messages);
        State.MailFailingSince ??= now;
        State.MailTries++;
        var wait = FirstMailRetry * Math.Pow(2, Math.Min(State.MailTries - 1, 10));
        State.MailRetryAt = now + (wait < LongestMailRetry ? wait : LongestMailRetry);
    }

    /// <summary>Kickoff: both get their action-plan link.</summary>
    public void Start(DateTime now)
    {
        State.Stage = PairingStage.Kickoff;
        State.StageSince = now;
        Wait("both signatures on the action plan", [RecipientRole.Mentor, RecipientRole.Mentee], now, At(_subject.StartsOn.AddDays(_settings.ActionPlanDueDays)));
        ToPair(ProgramMessageKind.ActionPlanInvite, "1");
    }

    /// <summary>Applies what someone did. Events that do not fit the stage change nothing (a second signature, a late form).</summary>
    public void Apply(PairingYearEvent e, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (State.Stage == PairingStage.Finished)
        {
            return;
        }

        if (e.Id is { } id)
        {
            if (State.AppliedEventIds.Contains(id))
            {
                return;
            }

            State.AppliedEventIds.Add(id);
        }

        switch (e.Kind)
        {
            case PairingYearEventKind.Separated when e.Separation is { } separation:
                State.Separation = separation;
                _outbox.Add(Compose(ProgramMessageKind.SeparationNotice, _coordinator, "1",
                    $"Ended {separation.EndedOn:yyyy-MM-dd}: {separation.Reason}."));
                Finish(PairingYearResult.Separated, separation.EndedOn, now);
                break;
            case PairingYearEventKind.ActionPlanSigned when State.Stage == PairingStage.Kickoff && e.By is { } signer:
                State.PlanSignedBy = [.. State.PlanSignedBy.Append(signer).Distinct()];
                if (_settings.YearRules >= 1 && signer == RecipientRole.Mentor && State.Waiting?.Pending.Contains(RecipientRole.Mentee) == true)
                {
                    _outbox.Add(Compose(ProgramMessageKind.PlanReadyToSign, _subject.Mentee, "1"));
                }

                if (Acted(signer))
                {
                    State.PlanSignedOn = Today(now);
                    Enter(PairingStage.ScheduleFillIn, now);
                    Wait("the regular meeting schedule", [RecipientRole.Mentor], now, now.AddDays(_settings.StepDueDays));
                    _outbox.Add(Compose(ProgramMessageKind.ScheduleRequest, _subject.Mentor, "1"));
                }

                break;
            case PairingYearEventKind.ScheduleSubmitted when e.Schedule is { } schedule && State.Stage is > PairingStage.Kickoff and < PairingStage.SignOff:
                State.Schedule = schedule;
                State.ScheduleVersions++;
                var invite = new MeetingInviteDetails(schedule, Today(now), State.EndsOn, _subject.Mentor, [_subject.Mentor, _subject.Mentee]);
                ToPair(ProgramMessageKind.MeetingInvite, State.ScheduleVersions.ToString(CultureInfo.InvariantCulture), invite: invite);
                if (State.Stage == PairingStage.ScheduleFillIn)
                {
                    Enter(PairingStage.FirstObservations, now);
                }

                break;
            case PairingYearEventKind.InteractionLogged when e.Interaction is { } interaction:
                // In place: a busy year holds hundreds of logs and this runs at every one.
                State.Interactions.RemoveAll(i => i.LogId == interaction.LogId);
                State.Interactions.Add(interaction);
                break;
            case PairingYearEventKind.TimeConfirmed:
                for (var i = 0; i < State.Interactions.Count; i++)
                {
                    var log = State.Interactions[i];
                    State.Interactions[i] = e.ConfirmedLogIds?.Contains(log.LogId) == true ? log with { Confirmation = Logs.TimeConfirmation.Confirmed }
                        : e.DisputedLogIds?.Contains(log.LogId) == true ? log with { Confirmation = Logs.TimeConfirmation.Disputed }
                        : log;
                }

                TellMentorOfDisputes(e);
                break;
            case PairingYearEventKind.InteractionWithdrawn when e.WithdrawnLogId is { } withdrawn:
                // No year of edition 0 ever heard this event, so it needs no gate: replays stay as they were.
                State.Interactions.RemoveAll(i => i.LogId == withdrawn && i.Confirmation != Logs.TimeConfirmation.Confirmed);
                break;
            case PairingYearEventKind.ObservationLogged when e.Observation is { } cycle:
                State.Observations.RemoveAll(o => o.CycleId == cycle.CycleId);
                State.Observations.Add(cycle);
                break;
            case PairingYearEventKind.MidyearSubmitted when e.Midyear is { } check && State.Stage == PairingStage.MidyearCheck:
                State.Midyear = check;
                var pace = Pace(now);
                if (pace.ShareOfPace < _settings.AtRiskPaceShare || check.SupportRequested || !string.IsNullOrWhiteSpace(check.Concerns))
                {
                    State.AtRisk = true;
                    _outbox.Add(Compose(ProgramMessageKind.AtRiskAlert, _coordinator, "1",
                        $"Confirmed hours {pace.ConfirmedHours:0.##} of {pace.ExpectedHours:0.##} expected by now; support requested: {(check.SupportRequested ? "yes" : "no")}."));
                }

                Enter(PairingStage.SecondObservations, now);
                break;
            case PairingYearEventKind.MenteeMidyearSubmitted when e.MenteeMidyear is { } word && State.MenteeMidyear is null
                && State.Stage is PairingStage.MidyearCheck or PairingStage.SecondObservations:
                State.MenteeMidyear = word;
                if (word.NeedsTheCoordinator)
                {
                    State.AtRisk = true;
                    _outbox.Add(Compose(ProgramMessageKind.AtRiskAlert, _coordinator, "mentee",
                        $"The mentee's own word at midyear: the mentoring helps {word.Helpfulness} of 4; support requested: {(word.SupportRequested ? "yes" : "no")}"
                        + (string.IsNullOrWhiteSpace(word.Concerns) ? "." : "; they wrote a concern (on the pairing's page).")));
                }

                break;
            case PairingYearEventKind.SignedOff when State.Stage == PairingStage.SignOff && e.By is { } by && e.SignOff is { } signOff:
                State.SignOffs[by] = signOff;
                if (Acted(by))
                {
                    DecideAfterSignOff(now);
                }

                break;
            case PairingYearEventKind.CoordinatorDecided when e.Decision is { } decision && State.Stage is PairingStage.SignOff or PairingStage.CoordinatorDecision:
                Decide(decision, now);
                break;
            case PairingYearEventKind.CoordinatorDecided when e.Decision is CoordinatorDecision.Incomplete && CanBeClosedUnsigned(now):
                // A pair that never signed its plan is closed by the coordinator rather than left waiting all year.
                Decide(CoordinatorDecision.Incomplete, now);
                break;
        }
    }

    /// <summary>What the passing of time brings at <paramref name="now"/>: stage dates, reminders, escalations, pace and observation checks.</summary>
    public void Tick(DateTime now)
    {
        if (State.Stage == PairingStage.Finished)
        {
            return;
        }

        var today = Today(now);
        if (State.Stage < PairingStage.SignOff && today >= State.EndsOn)
        {
            EnterSignOff(now);
        }
        else if (State.Stage == PairingStage.FirstObservations && today >= Midpoint)
        {
            EnterMidyear(now);
        }

        TrackWaitingConfirmations(now);

        // Over a school break nobody is reminded, nudged, asked or escalated about: it all waits for the first day back.
        if (BreakOn(today) is null)
        {
            RemindAndEscalate(now);
            CheckMeetingPace(today);
            AskForConfirmations(now);
        }

        CheckObservations(today);
    }

    // True when the coordinator may close the year now as incomplete: the pair never signed its plan, which is past its due date.
    private bool CanBeClosedUnsigned(DateTime now) => ClosableUnsignedFrom is { } from && now > from;

    private DateTime? ClosableUnsignedFrom =>
        _settings.YearRules >= 1 && State.Stage == PairingStage.Kickoff && State.PlanSignedOn is null && State.Waiting is { } waiting ? waiting.DueAt : null;

    /// <summary>The next moment <see cref="Tick"/> could have something to do, after <paramref name="now"/>.</summary>
    public DateTime NextWakeUp(DateTime now)
    {
        var next = DateTime.MaxValue;
        void Consider(DateTime candidate)
        {
            if (candidate > now && candidate < next)
            {
                next = candidate;
            }
        }

        if (State.Stage < PairingStage.SignOff)
        {
            Consider(At(State.EndsOn));
        }

        if (State.Stage <= PairingStage.FirstObservations)
        {
            Consider(At(Midpoint));
        }

        if (State.Waiting is { } waiting)
        {
            // A waiting step whose reminders are spent wakes the year only to tell the coordinator.
            if (RemindersLeft(waiting))
            {
                Consider(waiting.NextReminderAt);
            }

            if (!waiting.Escalated)
            {
                Consider(waiting.DueAt.AddDays(_settings.EscalationDelayDays));
            }
        }

        if (HoldsMail && State.MailRetryAt is { } retryAt)
        {
            Consider(retryAt);
        }

        // What a break held back is done on its first day back.
        if (BreakOn(Today(now)) is { } schoolBreak)
        {
            Consider(At(schoolBreak.To.AddDays(1)));
        }

        if (NextPaceCheck() is { } paceCheck)
        {
            Consider(At(paceCheck));
        }

        foreach (var term in ObservationTerms())
        {
            if (!State.ObservationRemindersSent.Contains(term.Index))
            {
                Consider(At(term.ReminderOn));
            }
        }

        if (NextConfirmationDigest() is { } digest)
        {
            Consider(digest);
        }

        return next == DateTime.MaxValue ? now.AddDays(7) : next;
    }

    /// <summary>The custom status: stage, what it waits for and since when, flags and figures.</summary>
    public PairingYearStatus Status(DateTime now)
    {
        var today = Today(now);
        var flags = new List<string>();
        if (State.Waiting is { } waiting && now > waiting.DueAt)
        {
            flags.Add("overdue");
        }

        // At risk of not finishing: once the year is finished it no longer is.
        if (State.AtRisk && State.Stage != PairingStage.Finished)
        {
            flags.Add("at-risk");
        }

        if (State.Separation is not null)
        {
            flags.Add("separated");
        }

        if (State.MailFailingSince is not null)
        {
            flags.Add("mail-failing");
        }

        var weeks = PairingFigures.WeeksWithoutMeeting(State.Interactions, State.PlanSignedOn ?? _subject.StartsOn, today);
        if (State.Stage is > PairingStage.Kickoff and < PairingStage.SignOff && weeks >= _settings.NudgeAfterWeeks)
        {
            flags.Add("no-meetings");
        }

        return new PairingYearStatus(
            State.Stage, State.StageSince, State.Waiting?.WaitsFor, State.Waiting?.Pending ?? [], State.Waiting?.Since, State.Waiting?.DueAt,
            flags, Pace(now), PairingFigures.Frequency(State.Interactions, _subject.StartsOn, Min(today, State.EndsOn)),
            PairingFigures.LastMeeting(State.Interactions, today), weeks, PairingFigures.ObservationsByType(State.Observations), State.EndsOn,
            State.MailFailingSince, State.UnsentMail.Count, 
            // The year enters sign-off the first time it runs on its last day (see Tick), so its stages close as that day begins.
            State.Stage < PairingStage.SignOff ? State.EndsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            ClosableUnsignedFrom);
    }

    private DateOnly Midpoint
    {
        get
        {
            var (start, end) = _settings.TermDates(_subject.Term);
            return start.AddDays((end.DayNumber - start.DayNumber) / 2);
        }
    }

    private static DateOnly Today(DateTime now) => DateOnly.FromDateTime(now);

    private Settings.SchoolBreak? BreakOn(DateOnly day) => _settings.Breaks?.FirstOrDefault(b => b.From <= day && day <= b.To);

    private static DateTime At(DateOnly day) => day.ToDateTime(StepTime, DateTimeKind.Utc);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private PaceFigure Pace(DateTime now) =>
        PairingFigures.Pace(State.Interactions, RequiredHours, _subject.StartsOn, State.EndsOn, Today(now));

    private void Enter(PairingStage stage, DateTime now)
    {
        State.Stage = stage;
        State.StageSince = now;
        State.Waiting = null;
    }

    private void Wait(string waitsFor, List<RecipientRole> pending, DateTime now, DateTime dueAt) =>
        State.Waiting = new WaitingStep
        {
            WaitsFor = waitsFor,
            Pending = pending,
            Since = now,
            DueAt = dueAt,
            NextReminderAt = now.AddDays(_settings.ReminderCadenceDays),
        };

    // Marks that role has acted; true when nobody is left.
    private bool Acted(RecipientRole role)
    {
        if (State.Waiting is not { } waiting)
        {
            return false;
        }

        waiting.Pending.Remove(role);
        return waiting.Pending.Count == 0;
    }

    private void EnterMidyear(DateTime now)
    {
        Enter(PairingStage.MidyearCheck, now);
        State.MidyearSent = true;
        Wait("the midyear check", [RecipientRole.Mentor], now, now.AddDays(_settings.StepDueDays));
        var pace = Pace(now);
        ToPair(ProgramMessageKind.MidyearRequest, "1",
            $"Pre-filled: {pace.ConfirmedHours:0.##} confirmed hours outside the contract day; pace expects {pace.ExpectedHours:0.##} of {pace.RequiredHours:0.##} by now.");
    }

    private void EnterSignOff(DateTime now)
    {
        if (_settings.YearRules >= 1 && State.PlanSignedOn is null)
        {
            // Without a signed plan there is no year to sign off or rate: the coordinator decides it.
            AskTheCoordinator(now, "The action plan was never signed, so the pair was not asked to sign off. Close the year as incomplete, or extend it.");
            return;
        }

        Enter(PairingStage.SignOff, now);
        State.SignOffs.Clear();
        Wait("both sign-offs", [RecipientRole.Mentor, RecipientRole.Mentee], now, now.AddDays(_settings.StepDueDays));
        var pace = Pace(now);
        ToPair(ProgramMessageKind.SignOffRequest, (State.Extensions + 1).ToString(CultureInfo.InvariantCulture),
            $"Hours summary: {pace.ConfirmedHours:0.##} confirmed hours outside the contract day of {pace.RequiredHours:0.##} required.");
    }

    private void DecideAfterSignOff(DateTime now)
    {
        var hours = PairingFigures.HoursOutsideContractDay(State.Interactions);
        if (hours >= RequiredHours)
        {
            Finish(PairingYearResult.Completed, Today(now), now);
            return;
        }

        AskTheCoordinator(now, $"Confirmed hours outside the contract day: {hours:0.##} of {RequiredHours:0.##} required.");
    }

    // The year waits for the coordinator's decision, and asks for it once per sign-off (an extension signs off again).
    private void AskTheCoordinator(DateTime now, string detail)
    {
        Enter(PairingStage.CoordinatorDecision, now);
        Wait("the coordinator's decision", [RecipientRole.Coordinator], now, now.AddDays(_settings.StepDueDays));
        _outbox.Add(Compose(ProgramMessageKind.DecisionRequest, _coordinator, (State.Extensions + 1).ToString(CultureInfo.InvariantCulture), detail));
    }

    private void Decide(CoordinatorDecision decision, DateTime now)
    {
        State.Decision = decision;
        switch (decision)
        {
            case CoordinatorDecision.Extended:
                State.Extensions++;
                var today = Today(now);
                State.EndsOn = (today > State.EndsOn ? today : State.EndsOn).AddDays(_settings.ExtensionDays);
                if (_settings.YearRules >= 1 && State.PlanSignedOn is null)
                {
                    // An extension of a pair that never signed its plan starts again from the plan.
                    Enter(PairingStage.Kickoff, now);
                    State.PlanSignedBy = [];
                    Wait("both signatures on the action plan", [RecipientRole.Mentor, RecipientRole.Mentee], now, now.AddDays(_settings.ActionPlanDueDays));
                    ToPair(ProgramMessageKind.ActionPlanInvite, "extension-" + State.Extensions.ToString(CultureInfo.InvariantCulture));
                    break;
                }

                Enter(PairingStage.SecondObservations, now);
                break;
            case CoordinatorDecision.Completed:
                Finish(PairingYearResult.Completed, Today(now), now);
                break;
            default:
                Finish(PairingYearResult.Incomplete, Today(now), now);
                break;
        }
    }

    private void Finish(PairingYearResult result, DateOnly finishedOn, DateTime now)
    {
        Enter(PairingStage.Finished, now);
        var outcome = new PairingYearOutcome(
            _subject.PairingId, result, State.Decision, finishedOn,
            PairingFigures.HoursOutsideContractDay(State.Interactions), PairingFigures.ConfirmedHours(State.Interactions), RequiredHours,
            State.Interactions.Count, PairingFigures.Frequency(State.Interactions, _subject.StartsOn, Min(finishedOn, State.EndsOn)),
            PairingFigures.ObservationsByType(State.Observations), PairingFigures.SubstituteHoursUsed(State.Observations),
            State.SignOffs.TryGetValue(RecipientRole.Mentor, out var mentor) ? mentor.Satisfaction : null,
            State.SignOffs.TryGetValue(RecipientRole.Mentee, out var mentee) ? mentee.Satisfaction : null,
            State.Separation, State.Extensions);
        State.Outcome = outcome;
        if (result != PairingYearResult.Separated)
        {
            ToPair(ProgramMessageKind.OutcomeNotice, "1", _settings.YearRules >= 1 ? YearSummary(outcome) : $"Outcome: {result}.");
        }
    }

    // The year's record both keep: the outcome, the hours, the meetings and the observations (never a note).
    private static string YearSummary(PairingYearOutcome outcome) => string.Create(CultureInfo.InvariantCulture,
        $"Outcome: {outcome.Result}.\n\nYour year in figures: {outcome.HoursOutsideContractDay:0.##} confirmed hours outside the contract day of {outcome.RequiredHours:0.##} required; "
        + $"{outcome.Interactions} meetings and conversations logged; {outcome.ObservationsByType.Values.Sum()} observation cycles. Keep this email as your record of the year.");

    private void RemindAndEscalate(DateTime now)
    {
        if (State.Waiting is not { } waiting)
        {
            return;
        }

        // With a limit, reminders stop after the last one; the coordinator is told once the step is overdue, as always.
        if (now >= waiting.NextReminderAt && RemindersLeft(waiting))
        {
            waiting.RemindersSent++;
            waiting.NextReminderAt = now.AddDays(_settings.ReminderCadenceDays);
            var (reminder, _) = Reminders(State.Stage);
            var sequence = waiting.RemindersSent.ToString(CultureInfo.InvariantCulture) + "@" + (State.Extensions + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var role in waiting.Pending)
            {
                _outbox.Add(Compose(reminder, Person(role), sequence));
            }
        }

        if (!waiting.Escalated && now >= waiting.DueAt.AddDays(_settings.EscalationDelayDays))
        {
            waiting.Escalated = true;
            var (_, escalation) = Reminders(State.Stage);
            if (escalation is { } kind)
            {
                _outbox.Add(Compose(kind, _coordinator, "overdue-" + (State.Extensions + 1).ToString(CultureInfo.InvariantCulture),
                    $"Waiting for {waiting.WaitsFor} since {waiting.Since:yyyy-MM-dd}; it was due {waiting.DueAt:yyyy-MM-dd}."));
            }
        }
    }

    // No limit (0) is how years started before the limit existed keep their rules: their settings were pinned without it.
    private bool RemindersLeft(WaitingStep waiting) => _settings.ReminderLimit <= 0 || waiting.RemindersSent < _settings.ReminderLimit;

    private static (ProgramMessageKind Reminder, ProgramMessageKind? Escalation) Reminders(PairingStage stage) => stage switch
    {
        PairingStage.Kickoff => (ProgramMessageKind.ActionPlanReminder, ProgramMessageKind.ActionPlanEscalation),
        PairingStage.ScheduleFillIn => (ProgramMessageKind.ScheduleReminder, ProgramMessageKind.ScheduleEscalation),
        PairingStage.MidyearCheck => (ProgramMessageKind.MidyearReminder, ProgramMessageKind.AtRiskAlert),
        PairingStage.SignOff => (ProgramMessageKind.SignOffReminder, ProgramMessageKind.SignOffEscalation),
        _ => (ProgramMessageKind.DecisionReminder, null),
    };

    // The pace check runs on the pair's weekly check day (weekly from the plan's signing);
    // its timer is set for the first check day on which a nudge or an alert could be due.
    private DateOnly? NextPaceCheck()
    {
        if (PaceWeekOne is not { } weekOne)
        {
            return null;
        }

        var gapFrom = GapFrom(weekOne);
        int? weeks = State.NudgedForGapFrom != gapFrom ? _settings.NudgeAfterWeeks
            : State.AlertedForGapFrom != gapFrom ? _settings.AlertAfterWeeks
            : null;
        if (weeks is not { } w)
        {
            return null;
        }

        var due = gapFrom.AddDays(7 * w);
        var offset = ((due.DayNumber - weekOne.DayNumber) % 7 + 7) % 7;
        return offset == 0 ? due : due.AddDays(7 - offset);
    }

    // The pace checks' first week: the plan's signing day, while the pair is between kickoff and sign-off.
    private DateOnly? PaceWeekOne =>
        State.Stage is >= PairingStage.ScheduleFillIn and < PairingStage.SignOff ? State.PlanSignedOn : null;

    private DateOnly GapFrom(DateOnly weekOne)
    {
        var last = PairingFigures.LastMeeting(State.Interactions, DateOnly.MaxValue);
        return last is { } l && l > weekOne ? l : weekOne;
    }

    private void CheckMeetingPace(DateOnly today)
    {
        if (PaceWeekOne is not { } weekOne)
        {
            return;
        }

        var gapFrom = GapFrom(weekOne);
        var weeks = (today.DayNumber - gapFrom.DayNumber) / 7;
        var gap = gapFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (weeks >= _settings.NudgeAfterWeeks && State.NudgedForGapFrom != gapFrom)
        {
            State.NudgedForGapFrom = gapFrom;
            ToPair(ProgramMessageKind.MeetingNudge, gap);
        }

        if (weeks >= _settings.AlertAfterWeeks && State.AlertedForGapFrom != gapFrom)
        {
            State.AlertedForGapFrom = gapFrom;
            _outbox.Add(Compose(ProgramMessageKind.MeetingGapAlert, _coordinator, gap,
                $"No meeting logged since {gapFrom:yyyy-MM-dd} ({weeks} weeks)."));
        }
    }

    private IEnumerable<(int Index, DateOnly Start, DateOnly End, DateOnly ReminderOn)> ObservationTerms()
    {
        if (State.Stage is PairingStage.Kickoff or >= PairingStage.SignOff || _settings.ObservationsPerTerm == 0)
        {
            yield break;
        }

        var terms = _settings.ObservationTerms(_subject.Term);
        for (var i = 0; i < terms.Count; i++)
        {
            var (start, end) = terms[i];
            if (end >= _subject.StartsOn)
            {
                yield return (i, start, end, end.AddDays(-_settings.ObservationReminderDays));
            }
        }
    }

    private void CheckObservations(DateOnly today)
    {
        foreach (var (index, start, end, reminderOn) in ObservationTerms().ToList())
        {
            if (State.ObservationRemindersSent.Contains(index) || today < reminderOn)
            {
                continue;
            }

            State.ObservationRemindersSent.Add(index);
            var done = State.Observations.Count(o => o.ObservedOn >= start && o.ObservedOn <= end);
            if (today <= end && done < _settings.ObservationsPerTerm)
            {
                ToPair(ProgramMessageKind.ObservationReminder, index.ToString(CultureInfo.InvariantCulture),
                    $"{done} of {_settings.ObservationsPerTerm} observation cycles logged this term, which ends {end:yyyy-MM-dd}.");
            }
        }
    }

    private static readonly TimeSpan ConfirmationDigestEvery = TimeSpan.FromDays(7);

    // A mentee who answers within a few days is never chased: the list goes once time has waited this long.
    private static readonly TimeSpan ConfirmationGrace = TimeSpan.FromDays(3);

    private int WaitingForConfirmation => State.Interactions.Count(i => i.Confirmation == Logs.TimeConfirmation.Pending);

    // Edition 1: once logs have waited three days for the mentee's word, a list goes, and again a week after the last while they wait.
    private DateTime? NextConfirmationDigest()
    {
        if (_settings.YearRules < 1 || State.ConfirmationsPendingSince is not { } since)
        {
            return null;
        }

        var graceOver = since + ConfirmationGrace;
        return State.ConfirmationDigestAt is { } last && last + ConfirmationDigestEvery > graceOver ? last + ConfirmationDigestEvery : graceOver;
    }

    // Since when some logged time has waited for the mentee's word without a break (none waits: null).
    private void TrackWaitingConfirmations(DateTime now)
    {
        if (_settings.YearRules < 1)
        {
            return;
        }

        State.ConfirmationsPendingSince = WaitingForConfirmation > 0 ? State.ConfirmationsPendingSince ?? now : null;
    }

    private void AskForConfirmations(DateTime now)
    {
        if (NextConfirmationDigest() is not { } due || now < due)
        {
            return;
        }

        State.ConfirmationDigestAt = now;
        var waiting = WaitingForConfirmation;
        _outbox.Add(Compose(ProgramMessageKind.ConfirmationDigest, _subject.Mentee, now.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            waiting == 1 ? "1 logged meeting waits for your confirmation." : $"{waiting} logged meetings wait for your confirmation."));
    }

    // Edition 1: the mentor hears which logs were disputed and why, with the link to correct them.
    private void TellMentorOfDisputes(PairingYearEvent e)
    {
        if (_settings.YearRules < 1 || e.DisputedLogIds is not { Count: > 0 } disputed)
        {
            return;
        }

        var lines = State.Interactions.Where(i => disputed.Contains(i.LogId)).Select(i =>
        {
            var reason = e.DisputeReasons?.GetValueOrDefault(i.LogId);
            var meeting = string.Create(CultureInfo.InvariantCulture, $"The meeting on {i.Date:dddd d MMMM yyyy}, {i.Minutes} minutes");
            return string.IsNullOrWhiteSpace(reason) ? meeting + "." : $"{meeting}: \"{reason.Trim()}\"";
        }).ToList();
        if (lines.Count == 0)
        {
            return;
        }

        State.DisputeNotices++;
        _outbox.Add(Compose(ProgramMessageKind.LogDisputed, _subject.Mentor, State.DisputeNotices.ToString(CultureInfo.InvariantCulture), string.Join("\n", lines)));
    }

    // A step's request and reminders say the day it is due: the waiting step's, as the year set it just now.
    private ProgramMessage Compose(ProgramMessageKind kind, Recipient to, string sequence, string? detail = null, MeetingInviteDetails? invite = null) =>
        PairingYearMessages.Compose(_subject, kind, to, sequence, detail, invite, State.Waiting is { } waiting ? DateOnly.FromDateTime(waiting.DueAt) : null);

    private Recipient Person(RecipientRole role) => role switch
    {
        RecipientRole.Mentor => _subject.Mentor,
        RecipientRole.Mentee => _subject.Mentee,
        _ => _coordinator,
    };

    private void ToPair(ProgramMessageKind kind, string sequence, string? detail = null, MeetingInviteDetails? invite = null)
    {
        _outbox.Add(Compose(kind, _subject.Mentor, sequence, detail, invite));
        _outbox.Add(Compose(kind, _subject.Mentee, sequence, detail, invite));
    }
}
