using System.Globalization;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Settings;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Simulation;

/// <summary>How a simulated pair behaves.</summary>
public enum PairProfile
{
    /// <summary>Answers within days, meets most weeks.</summary>
    Diligent,

    /// <summary>Answers late, meets less often.</summary>
    Late,

    /// <summary>Answers, but rarely meets.</summary>
    LowHours,

    /// <summary>Never signs the action plan.</summary>
    NeverSigns,
}

/// <summary>
/// The two people of one simulated pairing (and the coordinator deciding it): they answer the emails that
/// reach them after a delay their profile sets, meet on their weekday, log meetings (the mentor with private notes,
/// as on the log form), log observations, and some leave. Everything is drawn from the pairing's own seeded random,
/// so a seed replays the same year.
/// </summary>
internal sealed class SimulatedPairing
{
    private readonly Random _random;
    private readonly SimulatedNotes _notes;
    private readonly Action<string, CollaborationLog>? _written;
    private readonly DistrictProgramSettings _settings;
    private readonly SortedList<DateOnly, List<PairingYearEvent>> _planned = []; // the earliest first, in O(1), every simulated day
    private readonly HashSet<string> _answered = [];
    private readonly List<LoggedInteraction> _unconfirmed = [];
    private DateOnly? _meetingsFrom;
    private DateOnly? _meetingsUntil;
    private decimal _confirmedOutsideHours;
    private int _logs;
    private bool _extended;

    public SimulatedPairing(
        PairingYearSubject subject, PairProfile profile, DateOnly? leavesOn, DistrictProgramSettings settings, Random random, SimulatedNotes notes,
        Action<string, CollaborationLog>? written)
    {
        Subject = subject;
        Profile = profile;
        _settings = settings;
        _random = random;
        _notes = notes;
        _written = written;
        if (leavesOn is { } day)
        {
            var reasons = new[] { SeparationReason.MenteeLeftDistrict, SeparationReason.MenteeLeftDistrict, SeparationReason.MentorLeftDistrict, SeparationReason.Reassigned };
            Plan(day, PairingYearEvent.Ended(new Separation(day, reasons[_random.Next(reasons.Length)])));
        }

        PlanObservations();
    }

    public PairingYearSubject Subject { get; }

    public PairProfile Profile { get; }

    private DayOfWeek Weekday { get; set; } = DayOfWeek.Tuesday;

    /// <summary>Reacts to messages that reached this pair today.</summary>
    public void Read(ProgramMessage message, DateOnly today)
    {
        var answerKey = message.Kind switch
        {
            ProgramMessageKind.ActionPlanInvite or ProgramMessageKind.ActionPlanReminder => $"plan/{message.To.Role}",
            ProgramMessageKind.ScheduleRequest or ProgramMessageKind.ScheduleReminder => "schedule",
            ProgramMessageKind.MidyearRequest or ProgramMessageKind.MidyearReminder when message.To.Role == RecipientRole.Mentor => "midyear",
            ProgramMessageKind.SignOffRequest or ProgramMessageKind.SignOffReminder => $"sign-off/{message.To.Role}/{message.IdempotencyKey.Split('/')[^1].Split('@')[^1]}",
            ProgramMessageKind.DecisionRequest or ProgramMessageKind.DecisionReminder or ProgramMessageKind.SignOffEscalation => $"decision/{message.IdempotencyKey.Split('/')[^1]}",
            ProgramMessageKind.MeetingInvite when message.To.Role == RecipientRole.Mentor => "invite",
            _ => null,
        };
        if (answerKey is null || !_answered.Add(answerKey))
        {
            return;
        }

        switch (message.Kind)
        {
            case ProgramMessageKind.ActionPlanInvite or ProgramMessageKind.ActionPlanReminder when Profile != PairProfile.NeverSigns:
                Plan(today.AddDays(Delay()), PairingYearEvent.PlanSigned(message.To.Role));
                break;
            case ProgramMessageKind.ScheduleRequest or ProgramMessageKind.ScheduleReminder:
                Weekday = (DayOfWeek)_random.Next(1, 6);
                Plan(today.AddDays(Delay()), PairingYearEvent.ScheduleIn(new MeetingSchedule(Weekday, new TimeOnly(15, 30), 45, "Room 12", null, [])));
                break;
            case ProgramMessageKind.MeetingInvite:
                _meetingsFrom = today;
                break;
            case ProgramMessageKind.MidyearRequest or ProgramMessageKind.MidyearReminder:
                Plan(today.AddDays(Delay()), PairingYearEvent.MidyearIn(new MidyearCheck(
                    [new GoalProgress(1, _random.Next(2, 5)), new GoalProgress(2, _random.Next(1, 5)), new GoalProgress(3, _random.Next(1, 4))],
                    _confirmedOutsideHours, 0, null, SupportRequested: _random.NextDouble() < 0.08)));
                break;
            case ProgramMessageKind.SignOffRequest or ProgramMessageKind.SignOffReminder:
                _meetingsUntil = today;
                if (_unconfirmed.Count > 0)
                {
                    Plan(today, ConfirmPending());
                }

                Plan(today.AddDays(Delay()), PairingYearEvent.SignedOffBy(message.To.Role,
                    new SignOff(_confirmedOutsideHours, true, _random.Next(3, 6), message.To.Name)));
                break;
            case ProgramMessageKind.DecisionRequest or ProgramMessageKind.DecisionReminder or ProgramMessageKind.SignOffEscalation:
                var share = _confirmedOutsideHours / _settings.RequiredHours(Subject.Term);
                var decision = share >= 0.75m ? CoordinatorDecision.Completed
                    : share >= 0.4m && !_extended && _random.NextDouble() < 0.3 ? CoordinatorDecision.Extended
                    : CoordinatorDecision.Incomplete;
                if (decision == CoordinatorDecision.Extended)
                {
                    _extended = true; // a coordinator extends a pairing once
                    _meetingsUntil = null;
                    _answered.RemoveWhere(key => key.StartsWith("sign-off/", StringComparison.Ordinal));
                }

                Plan(today.AddDays(_random.Next(1, 6)), PairingYearEvent.Decided(decision));
                break;
        }
    }

    /// <summary>What the pair does today: meetings, logs, confirmations, and answers planned earlier.</summary>
    public IEnumerable<PairingYearEvent> Act(DateOnly today)
    {
        if (_meetingsFrom is { } from && today > from && (_meetingsUntil is null || today < _meetingsUntil))
        {
            if (today.DayOfWeek == Weekday && _random.NextDouble() < MeetingChance)
            {
                yield return Log(today, _random.Next(40, 76), outside: _random.NextDouble() < 0.8, CollaborationActivity.RegularMeeting);
            }

            if (today.DayOfWeek == DayOfWeek.Thursday && _random.NextDouble() < 0.25)
            {
                yield return Log(today, _random.Next(10, 21), outside: false, CollaborationActivity.BriefConversation);
            }

            // A diligent mentee confirms logged time the same day; others on Fridays (late pairs every other Friday).
            var confirmsToday = Profile == PairProfile.Diligent
                || (today.DayOfWeek == DayOfWeek.Friday && (Profile != PairProfile.Late || today.DayNumber / 7 % 2 == 0));
            if (confirmsToday && _unconfirmed.Count > 0)
            {
                yield return ConfirmPending();
            }
        }

        // Answers planned for today, and any planned while today's events were already out.
        while (_planned.Count > 0 && _planned.Keys[0] <= today)
        {
            var planned = _planned.Values[0];
            _planned.RemoveAt(0);
            foreach (var e in planned)
            {
                yield return e;
            }
        }
    }

    private double MeetingChance => Profile switch
    {
        PairProfile.Diligent => 0.92,
        PairProfile.Late => 0.8,
        _ => 0.35,
    };

    private int Delay() => Profile switch
    {
        PairProfile.Diligent => _random.Next(0, 4),
        PairProfile.Late => _random.Next(4, 16),
        _ => _random.Next(1, 8),
    };

    // As the log form does: the mentor writes the log with its private notes, which stay with the pair (the written
    // callback, the pair's own store); the year hears the log without them.
    private PairingYearEvent Log(DateOnly day, int minutes, bool outside, CollaborationActivity activity)
    {
        var logId = string.Create(CultureInfo.InvariantCulture, $"{Subject.PairingId}-log-{++_logs}");
        var log = new CollaborationLog(logId, day, minutes, _random.NextDouble() < 0.2, outside, [activity], _notes.Write(logId, activity));
        _written?.Invoke(Subject.PairingId, log);
        var interaction = log.ToInteraction();
        _unconfirmed.Add(interaction);
        return PairingYearEvent.Logged(interaction);
    }

    private PairingYearEvent ConfirmPending()
    {
        var disputed = _unconfirmed.Where(_ => _random.NextDouble() < 0.03).ToList();
        var confirmed = _unconfirmed.Except(disputed).ToList();
        _confirmedOutsideHours += confirmed.Where(l => l.OutsideContractDay).Sum(l => l.Minutes) / 60m;
        _unconfirmed.Clear();
        return PairingYearEvent.Confirmed([.. confirmed.Select(l => l.LogId)], [.. disputed.Select(l => l.LogId)]);
    }

    private void PlanObservations()
    {
        var perTerm = Profile switch
        {
            PairProfile.Diligent => _settings.ObservationsPerTerm,
            PairProfile.Late => Math.Max(0, _settings.ObservationsPerTerm - 1),
            _ => _random.Next(0, 2),
        };
        var types = Enum.GetValues<ObservationType>();
        foreach (var (start, end) in _settings.ObservationTerms(Subject.Term))
        {
            var first = start > Subject.StartsOn ? start : Subject.StartsOn;
            var span = end.DayNumber - first.DayNumber - 30;
            for (var i = 0; i < perTerm && span > 0; i++)
            {
                var observed = first.AddDays(21 + _random.Next(span));
                var cycle = new ObservationCycle(
                    string.Create(CultureInfo.InvariantCulture, $"{Subject.PairingId}-obs-{start:yyyyMMdd}-{i}"), types[_random.Next(types.Length)],
                    observed.AddDays(-2), observed, observed.AddDays(2), "Questioning strategies", _random.Next(0, 2) * 3m);
                Plan(observed.AddDays(3), PairingYearEvent.Observed(cycle));
            }
        }
    }

    private void Plan(DateOnly day, PairingYearEvent e)
    {
        if (!_planned.TryGetValue(day, out var list))
        {
            _planned[day] = list = [];
        }

        list.Add(e);
    }
}
