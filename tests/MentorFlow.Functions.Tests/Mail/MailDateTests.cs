using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Mail;

/// <summary>An email is dated by the program's clock, so a demo's year on a virtual clock reads in order in a mail program.</summary>
public sealed class MailDateTests
{
    [Fact]
    public async Task The_kickoff_email_is_dated_by_the_programs_clock_not_the_machines()
    {
        await using var app = await RunningApp.StartAsync();

        await StepPages.StartPairingAsync(app);

        var kickoff = MimeKit.MimeMessage.Load(Directory.GetFiles(app.Outbox, "*.eml").First());
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), kickoff.Date.ToUniversalTime());
    }
}
