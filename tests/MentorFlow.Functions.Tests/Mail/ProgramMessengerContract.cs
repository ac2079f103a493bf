using MentorFlow.Core.Messaging;
using MentorFlow.Core.Schedules;
using MentorFlow.Functions.Mail;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;
using MimeKit;

namespace MentorFlow.Functions.Tests.Mail;

/// <summary>
/// What a program mail sender must do, written once and run on each (the .eml outbox folder, SMTP into maildev): the
/// message arrives once with its Message-Id, recipient, subject and signed link, and the calendar invite when it has one.
/// "Once" across retries is the sender with the send ledger, as the engine runs it (<see cref="SendProgramMessage"/>).
/// </summary>
public abstract class ProgramMessengerContract : IAsyncLifetime
{
    protected static readonly MailboxAddress From = MailboxAddress.Parse("MentorFlow <mentorflow@district.example>");

    private static readonly Uri Link = new("https://mentorflow.district.example/s/abc123.def456");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("mentorflow-mail-contract-");

    /// <summary>A recipient address no other test (or earlier run) sends to, so what arrived for it is this test's alone.</summary>
    private readonly string _address = $"maya.{Guid.NewGuid():N}@district.example";

    /// <summary>The sender under test, whose messages carry <paramref name="linkFor"/>'s link.</summary>
    protected abstract Task<IProgramMessenger> CreateAsync(Func<ProgramMessage, Uri?> linkFor);

    /// <summary>Every message that arrived for <paramref name="address"/>, waiting until at least <paramref name="atLeast"/> have.</summary>
    protected abstract Task<IReadOnlyList<MimeMessage>> ArrivedAsync(string address, int atLeast);

    /// <summary>Removes what <see cref="CreateAsync"/> made.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await CleanUpAsync();
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task A_message_arrives_once_with_its_Message_Id_recipient_subject_and_signed_link()
    {
        var sender = await CreateAsync(m => m.Step is null ? null : Link);
        var message = Message("p-1/ActionPlanInvite/Mentor/1", step: "action-plan");

        await sender.SendAsync(message, default);

        var mail = Assert.Single(await ArrivedAsync(_address, 1));
        using var expected = ProgramMail.Compose(message, From, Link);
        Assert.Equal(expected.MessageId, mail.MessageId);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(mail.To));
        Assert.Equal((_address, "Maya Mentor"), (to.Address, to.Name));
        Assert.Equal("mentorflow@district.example", Assert.IsType<MailboxAddress>(Assert.Single(mail.From)).Address);
        Assert.Equal("Your mentoring action plan", mail.Subject);
        Assert.Contains(Link.ToString(), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task A_meeting_invite_arrives_with_its_calendar_attachment()
    {
        var sender = await CreateAsync(_ => null);
        var schedule = new MeetingSchedule(DayOfWeek.Tuesday, new TimeOnly(15, 30), 45, "Room 12", null, []);
        var mentor = new Recipient(RecipientRole.Mentor, "Maya Mentor", _address);
        var mentee = new Recipient(RecipientRole.Mentee, "Sam Okafor", "sam.okafor@district.example");
        var message = Message("p-1/MeetingInvite/Mentor/1") with
        {
            Kind = ProgramMessageKind.MeetingInvite,
            Subject = "Your regular mentoring meeting",
            Invite = new MeetingInviteDetails(schedule, new DateOnly(2026, 9, 3), new DateOnly(2027, 6, 15), mentor, [mentor, mentee]),
        };

        await sender.SendAsync(message, default);

        var mail = Assert.Single(await ArrivedAsync(_address, 1));
        Assert.Equal("Your regular mentoring meeting", mail.Subject);
        Assert.DoesNotContain("/s/", mail.TextBody, StringComparison.Ordinal); // no step, no link
        var invite = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("mentoring-meeting.ics", invite.FileName);
        Assert.Equal("text/calendar", invite.ContentType.MimeType);
        using var ics = new MemoryStream();
        Assert.NotNull(invite.Content);
        await invite.Content.DecodeToAsync(ics);
        var calendar = System.Text.Encoding.UTF8.GetString(ics.ToArray());
        Assert.Contains("BEGIN:VEVENT", calendar, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY", calendar, StringComparison.Ordinal);
        Assert.Contains("UID:p-1-regular-meeting@mentorflow", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_the_engine_runs_again_arrives_once()
    {
        var sender = await CreateAsync(_ => Link);
        var send = new SendProgramMessage(sender, new SqliteSentMessageLedger(Path.Combine(_data.FullName, "mentorflow.db")), TimeProvider.System);
        var message = Message("p-1/ScheduleRequest/Mentor/1", step: "schedule");

        Assert.True(await send.RunAsync(new Activity(), message));
        Assert.False(await send.RunAsync(new Activity(), message)); // an activity run at least once: the retry

        var mail = Assert.Single(await ArrivedAsync(_address, 1));
        Assert.Equal(message.Subject, mail.Subject);
    }

    private ProgramMessage Message(string key, string? step = null) => new(key, ProgramMessageKind.ActionPlanInvite, "p-1",
        new Recipient(RecipientRole.Mentor, "Maya Mentor", _address), "Your mentoring action plan", "Please sign your action plan.\n\nThank you.", step);

    private sealed class Activity : TaskActivityContext
    {
        public override TaskName Name => new(SendProgramMessage.Name);

        public override string InstanceId => "p-1";
    }
}
