using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class RepeatedEventTests
{
    [Fact]
    public async Task An_event_raised_again_with_its_id_changes_nothing_the_second_time()
    {
        using var year = new YearHarness();
        await year.StartAsync(YearHarness.Subject());
        var schedule = new MeetingSchedule(DayOfWeek.Tuesday, new TimeOnly(15, 30), 45, "Room 12", null, []);
        var log = new LoggedInteraction("log-1", new DateOnly(2026, 9, 8), 60, false, true, [CollaborationActivity.RegularMeeting]);
        var logged = PairingYearEvent.Logged(log) with { Id = "event-3" };
        PairingYearEvent[] first = [PairingYearEvent.PlanSigned(RecipientRole.Mentor) with { Id = "event-1" }, PairingYearEvent.PlanSigned(RecipientRole.Mentee) with { Id = "event-2" }];
        PairingYearEvent[] raisedAgain = [PairingYearEvent.ScheduleIn(schedule) with { Id = "event-4" }, PairingYearEvent.ScheduleIn(schedule) with { Id = "event-4" }];

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 11), (day, _) => day.Day switch
        {
            2 => first,
            3 => raisedAgain,
            9 => [logged],
            10 => [PairingYearEvent.Confirmed(["log-1"]) with { Id = "event-5" }],
            11 => [logged], // raised again after a crash, after the mentee confirmed it
            _ => [],
        });

        var status = await year.StatusAsync("pairing-1");
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.MeetingInvite)); // one invite each, not two
        Assert.Equal(1, status.Pace.ConfirmedHours); // the repeated log did not undo the confirmation
    }
}
