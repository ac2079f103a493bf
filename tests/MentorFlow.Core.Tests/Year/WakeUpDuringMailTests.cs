using MentorFlow.Core.Messaging;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Year;

namespace MentorFlow.Core.Tests.Year;

public sealed class WakeUpDuringMailTests
{
    [Fact]
    public async Task A_wake_up_that_comes_while_mail_is_going_is_taken_at_once_not_at_the_next_timer()
    {
        using var year = new YearHarness();
        var pair = new ScriptedPair();
        await year.StartAsync(YearHarness.Subject());
        await year.RunUntilAsync("pairing-1", year.Settings.YearEnd.AddDays(-2), pair.Day);
        Assert.Equal(PairingStage.SecondObservations, (await year.StatusAsync("pairing-1")).Stage);

        // A new schedule sends invites; while they go, the clock jumps past the year's last day (a demo's jump, a long outage).
        var afterTheEnd = new DateTimeOffset(year.Settings.YearEnd.AddDays(5).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        year.Messenger.WhileNextSends = () => year.Clock.SetUtcNow(afterTheEnd);
        await year.Client.RaiseEventAsync("pairing-1", PairingYearOrchestrator.EventName,
            PairingYearEvent.ScheduleIn(new MeetingSchedule(DayOfWeek.Wednesday, new TimeOnly(15, 30), 60, "Room 14", null, [])));
        await year.Worker.ProcessAllDueAsync();

        var status = await year.StatusAsync("pairing-1");
        Assert.Equal(PairingStage.SignOff, status.Stage);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.SignOffRequest));
    }
}
