using System.Net;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class CoordinatorMailTests
{
    [Fact]
    public async Task The_coordinator_sees_which_pairings_mail_is_failing_and_which_emails_may_not_have_gone()
    {
        await using var app = await RunningApp.StartAsync(Directory.CreateTempSubdirectory("mentorflow-api-").FullName,
            services => services.AddSingleton<IProgramMessenger, UnreachableMailServer>());
        var id = await StepPages.StartPairingAsync(app);
        // An earlier process was cut off while handing this one to the mail server.
        var ledger = app.Services.GetRequiredService<ISentMessageLedger>();
        var key = $"{id}/MeetingNudge/Mentor/2026-09-01";
        await ledger.RecordIntentAsync(key, new DateTime(2026, 9, 1, 12, 0, 0, DateTimeKind.Utc), default);
        await ledger.RecordIntentAsync(key, new DateTime(2026, 9, 1, 12, 15, 0, DateTimeKind.Utc), default);
        using var coordinator = app.Client(StaffRole.Coordinator);

        using var page = await coordinator.GetAsync("/coordinator?flag=mail-failing");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"data-pairing=\"{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"flag\">Emails not going out</span>", html, StringComparison.Ordinal);
        Assert.Contains("Emails that may not have gone", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{key}</code> — tried 2026-09-01 12:00 UTC", html, StringComparison.Ordinal);
    }

    // A mail server that cannot be reached: nothing goes.
    private sealed class UnreachableMailServer : IProgramMessenger
    {
        public Task SendAsync(ProgramMessage message, CancellationToken cancellationToken) =>
            throw new MailNotSentException("the mail server cannot be reached");
    }
}
