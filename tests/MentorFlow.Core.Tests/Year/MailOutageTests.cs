using MentorFlow.Core.Messaging;
using MentorFlow.Core.Year;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Core.Tests.Year;

public sealed class MailOutageTests
{
    [Fact]
    public async Task A_year_goes_on_through_days_without_mail_shows_the_coordinator_that_mail_is_failing_and_sends_what_was_held_once_mail_is_back()
    {
        using var year = new YearHarness();
        var back = new DateTimeOffset(2026, 9, 6, 9, 0, 0, TimeSpan.Zero);
        year.Messenger.IsDown = () => year.Clock.GetUtcNow() < back;
        await year.StartAsync(YearHarness.Subject());

        // Both sign on the second day (the app's page raises it), while no mail can go out.
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 4), (day, _) => day == new DateOnly(2026, 9, 2)
            ? [PairingYearEvent.PlanSigned(RecipientRole.Mentor), PairingYearEvent.PlanSigned(RecipientRole.Mentee)]
            : []);
        var during = await year.StatusAsync("pairing-1");
        Assert.Null(await year.OutcomeAsync("pairing-1")); // still running, not failed
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await year.Client.GetInstanceAsync("pairing-1"))!.RuntimeStatus);
        Assert.Equal(PairingStage.ScheduleFillIn, during.Stage);
        Assert.Contains("mail-failing", during.Flags);
        Assert.Equal(new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc), during.MailFailingSince);
        Assert.Equal(4, during.UnsentMessages); // two invites, the mentee's notice that the plan is ready and the schedule request
        Assert.Empty(year.Messenger.Sent);
        var refusedDuring = year.Messenger.Refused;

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 9, 8), (_, _) => []);

        var after = await year.StatusAsync("pairing-1");
        Assert.DoesNotContain("mail-failing", after.Flags);
        Assert.Null(after.MailFailingSince);
        Assert.Equal(0, after.UnsentMessages);
        Assert.Equal(2, year.Messenger.Count(ProgramMessageKind.ActionPlanInvite));
        Assert.Equal(1, year.Messenger.Count(ProgramMessageKind.ScheduleRequest));
        Assert.Equal(year.Messenger.Sent.Count, year.Messenger.Sent.Select(m => m.IdempotencyKey).Distinct().Count()); // each once
        Assert.True(refusedDuring > 0);
    }

    [Fact]
    public async Task A_year_whose_mail_never_comes_back_keeps_retrying_and_keeps_running()
    {
        using var year = new YearHarness();
        year.Messenger.IsDown = () => true;
        await year.StartAsync(YearHarness.Subject());

        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 15), (_, _) => []);

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await year.Client.GetInstanceAsync("pairing-1"))!.RuntimeStatus);
        var status = await year.StatusAsync("pairing-1");
        Assert.Contains("mail-failing", status.Flags);
        var refusedBefore = year.Messenger.Refused;
        await year.RunUntilAsync("pairing-1", new DateOnly(2026, 10, 16), (_, _) => []);
        // Capped backoff: still tried every day, a handful of times.
        Assert.InRange(year.Messenger.Refused - refusedBefore, 1, 30);
    }

    [Fact]
    public void Each_failed_try_doubles_the_wait_for_the_next_up_to_six_hours()
    {
        var year = new PairingYearProgress(new PairingYearInput(YearHarness.Subject(), YearHarness.District));
        var now = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        year.Start(now);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            var due = year.TakeOutbox(now);
            Assert.NotEmpty(due);
            year.MailFailed(due, now);
            Assert.Empty(year.TakeOutbox(now)); // nothing goes before the next try
            waits.Add(year.NextWakeUp(now) - now);
            now = year.NextWakeUp(now);
        }

        Assert.Equal([15, 30, 60, 120, 240, 360, 360], waits.Select(w => w.TotalMinutes));
        Assert.Equal(2, year.TakeOutbox(now).Count); // the two action-plan invites, once each
        year.MailSent();
        Assert.DoesNotContain("mail-failing", year.Status(now).Flags);
    }
}
