using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Midyear;
using MentorFlow.Core.Observations;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.SignOffs;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

/// <summary>
/// A pair who answer every email the next morning, meet on Tuesdays and confirm their time on Fridays;
/// each property bends one habit for a scenario.
/// </summary>
internal sealed class ScriptedPair
{
    private readonly List<LoggedInteraction> _unconfirmed = [];
    private readonly List<PairingYearEvent> _tomorrow = [];
    private bool _meeting;
    private int _logs;

    public bool SignsPlan { get; init; } = true;

    public int MeetingMinutes { get; init; } = 60;

    public DateOnly MeetsUntil { get; init; } = DateOnly.MaxValue;

    /// <summary>The weekdays the pair meets (and logs it) on.</summary>
    public IReadOnlyList<DayOfWeek> MeetsOn { get; init; } = [DayOfWeek.Tuesday];

    /// <summary>Days on which the pair does not meet (a break), when set.</summary>
    public (DateOnly From, DateOnly To)? Break { get; init; }

    public IReadOnlyList<DateOnly> ObservationDays { get; init; } = [new(2026, 10, 14), new(2026, 11, 18), new(2027, 3, 10), new(2027, 4, 21)];

    public CoordinatorDecision? CoordinatorDecides { get; init; }

    public IEnumerable<PairingYearEvent> Day(DateOnly day, IReadOnlyList<ProgramMessage> arrived)
    {
        var events = new List<PairingYearEvent>(_tomorrow);
        _tomorrow.Clear();
        foreach (var message in arrived)
        {
            Answer(message);
        }

        if (_meeting && MeetsOn.Contains(day.DayOfWeek) && day <= MeetsUntil && !(Break is { } pause && day >= pause.From && day <= pause.To))
        {
            var log = new LoggedInteraction($"log-{++_logs}", day, MeetingMinutes, false, true, [CollaborationActivity.RegularMeeting]);
            _unconfirmed.Add(log);
            events.Add(PairingYearEvent.Logged(log));
        }

        if (day.DayOfWeek == DayOfWeek.Friday && _unconfirmed.Count > 0)
        {
            events.Add(PairingYearEvent.Confirmed([.. _unconfirmed.Select(l => l.LogId)]));
            _unconfirmed.Clear();
        }

        var observed = ObservationDays.Where(d => d.AddDays(2) == day).ToList();
        events.AddRange(observed.Select((d, i) => PairingYearEvent.Observed(new ObservationCycle(
            $"cycle-{d:yyyyMMdd}", (ObservationType)(d.Month % 3), d.AddDays(-1), d, d.AddDays(1), "Checking for understanding", 2))));
        return events;
    }

    private void Answer(ProgramMessage message)
    {
        switch (message.Kind)
        {
            case ProgramMessageKind.ActionPlanInvite when SignsPlan:
                _tomorrow.Add(PairingYearEvent.PlanSigned(message.To.Role));
                break;
            case ProgramMessageKind.ScheduleRequest:
                _tomorrow.Add(PairingYearEvent.ScheduleIn(new MeetingSchedule(DayOfWeek.Tuesday, new TimeOnly(15, 30), 60, "Room 12", null, [])));
                break;
            case ProgramMessageKind.MeetingInvite when message.To.Role == RecipientRole.Mentor:
                _meeting = true;
                break;
            case ProgramMessageKind.MidyearRequest when message.To.Role == RecipientRole.Mentor:
                _tomorrow.Add(PairingYearEvent.MidyearIn(new MidyearCheck([new GoalProgress(1, 3), new GoalProgress(2, 2), new GoalProgress(3, 2)], 0, 0, null, false)));
                break;
            case ProgramMessageKind.SignOffRequest:
                if (_unconfirmed.Count > 0)
                {
                    _tomorrow.Add(PairingYearEvent.Confirmed([.. _unconfirmed.Select(l => l.LogId)]));
                    _unconfirmed.Clear();
                }

                _meeting = false;
                _tomorrow.Add(PairingYearEvent.SignedOffBy(message.To.Role, new SignOff(0, true, message.To.Role == RecipientRole.Mentor ? 5 : 4, message.To.Name)));
                break;
            case ProgramMessageKind.DecisionRequest when CoordinatorDecides is { } decision:
                _tomorrow.Add(PairingYearEvent.Decided(decision));
                break;
        }
    }
}
