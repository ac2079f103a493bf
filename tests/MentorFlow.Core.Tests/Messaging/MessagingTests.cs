using Ical.Net;
using MentorFlow.Core.Messaging;
using MentorFlow.Core.Schedules;
using MentorFlow.Core.Tests.Year;
using Microsoft.DurableTask;

namespace MentorFlow.Core.Tests.Messaging;

public sealed class MessagingTests
{
    private static readonly Recipient Mentor = new(RecipientRole.Mentor, "Maya Mentor", "maya@district.example");
    private static readonly Recipient Mentee = new(RecipientRole.Mentee, "Nico New", "nico@district.example");

    [Fact]
    public async Task A_retried_send_with_the_same_key_sends_the_email_once()
    {
        var messenger = new RecordingMessenger();
        var activity = new SendProgramMessage(messenger, new InMemorySentMessageLedger(), TimeProvider.System);
        var message = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1", Mentor, "Your plan", "Sign it.", "action-plan");
        var context = new ActivityContext(SendProgramMessage.Name, "p-1");

        Assert.True(await activity.RunAsync(context, message));
        Assert.False(await activity.RunAsync(context, message)); // the engine retried after a crash
        Assert.True(await activity.RunAsync(context, message with { IdempotencyKey = "p-1/ActionPlanReminder/Mentor/1" }));

        Assert.Equal(2, messenger.Sent.Count);
    }

    [Fact]
    public async Task A_step_sends_its_messages_together_and_a_retry_resends_none_that_went()
    {
        var messenger = new RecordingMessenger();
        var activity = new SendProgramMessages(messenger, new InMemorySentMessageLedger(), TimeProvider.System);
        var toMentor = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1", Mentor, "Your plan", "Sign it.", "action-plan");
        var toMentee = toMentor with { IdempotencyKey = "p-1/ActionPlanInvite/Mentee/1", To = Mentee };
        var context = new ActivityContext(SendProgramMessages.Name, "p-1");

        Assert.Equal(2, await activity.RunAsync(context, [toMentor, toMentee]));
        Assert.Equal(0, await activity.RunAsync(context, [toMentor, toMentee])); // the engine retried after a crash

        Assert.Equal(["maya@district.example", "nico@district.example"], messenger.Sent.Select(m => m.To.Email));
    }

    [Fact]
    public async Task A_send_cut_off_between_the_mail_server_taking_it_and_the_ledger_recording_it_is_not_sent_again()
    {
        var messenger = new RecordingMessenger { DiesAfterNextSend = true };
        var ledger = new InMemorySentMessageLedger();
        var activity = new SendProgramMessage(messenger, ledger, TimeProvider.System);
        var message = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1", Mentor, "Your plan", "Sign it.", "action-plan");
        var context = new ActivityContext(SendProgramMessage.Name, "p-1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => activity.RunAsync(context, message));
        Assert.False(await activity.RunAsync(context, message)); // the engine runs the activity again after the crash

        Assert.Single(messenger.Sent);
    }

    [Fact]
    public async Task A_send_the_mail_server_did_not_take_is_sent_on_the_next_try()
    {
        var down = true;
        var messenger = new RecordingMessenger { IsDown = () => down };
        var activity = new SendProgramMessage(messenger, new InMemorySentMessageLedger(), TimeProvider.System);
        var message = new ProgramMessage("p-1/ActionPlanInvite/Mentor/1", ProgramMessageKind.ActionPlanInvite, "p-1", Mentor, "Your plan", "Sign it.", "action-plan");
        var context = new ActivityContext(SendProgramMessage.Name, "p-1");

        await Assert.ThrowsAsync<MailNotSentException>(() => activity.RunAsync(context, message));
        down = false;
        Assert.True(await activity.RunAsync(context, message));

        Assert.Single(messenger.Sent);
    }

    [Fact]
    public void The_meeting_invite_is_a_weekly_series_calendar_apps_can_read()
    {
        var schedule = new MeetingSchedule(DayOfWeek.Tuesday, new TimeOnly(15, 30), 45, "Room 12", null, []);
        var invite = new MeetingInviteDetails(schedule, new DateOnly(2026, 9, 3), new DateOnly(2027, 6, 15), Mentor, [Mentor, Mentee]);

        var ics = MeetingInviteCalendar.ToIcs(invite, "p-1-regular-meeting@mentorflow");

        var calendar = Calendar.Load(ics)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(new DateTime(2026, 9, 8, 15, 30, 0), meeting.DtStart!.Value); // the first Tuesday on or after the first day
        Assert.Equal("America/New_York", meeting.DtStart.TzId);
        Assert.Equal(TimeSpan.FromMinutes(45), (meeting.DtEnd!.Value - meeting.DtStart.Value));
        Assert.Equal(Ical.Net.FrequencyType.Weekly, meeting.RecurrenceRule!.Frequency);
        Assert.Equal("Room 12", meeting.Location);
        Assert.Equal(["maya@district.example", "nico@district.example"], meeting.Attendees.Select(a => a.Value!.ToString().Replace("mailto:", "", StringComparison.Ordinal)));
        Assert.Equal("REQUEST", calendar.Method);
    }

    // The SDK's activity context as a worker would give it: the activity's name and its instance.
    private sealed class ActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = new(name);

        public override string InstanceId { get; } = instanceId;
    }
}
