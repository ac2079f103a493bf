using System.Net.Http.Json;
using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;

namespace MentorFlow.Functions.Tests.Forms;

// The pair settles their logged time between them: the mentee is asked by a weekly list, disputes with a reason that
// reaches the mentor, who corrects or withdraws the log; a confirmed log no longer changes; both see the hours and history.
public sealed class MeetingLogCorrectionTests
{
    private const string Reason = "REASON-MARKER-4d2b: we met for an hour";

    [Fact]
    public async Task A_disputed_log_reaches_the_mentor_who_corrects_it_withdraws_another_and_cannot_change_a_confirmed_one()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var store = app.Services.GetRequiredService<ISubmissionStore>();
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var mentorLink = new Uri(app.BaseAddress, $"/s/{signer.Sign(new StepLink(id, RecipientRole.Mentor, "log", DateTimeOffset.UtcNow.AddYears(2)))}").ToString();

        // The mentor logs three meetings; the mentee gets one email asking for their word, not one per meeting.
        var mentor = await browser.PhoneAsync();
        foreach (var minutes in new[] { 90, 30, 45 })
        {
            await mentor.GotoAsync(mentorLink);
            await mentor.FillAsync("#Log_Minutes", $"{minutes}");
            await mentor.CheckAsync("#Log_OutsideContractDay");
            await mentor.ClickAsync("button[type=submit]");
            await app.RunEngineAsync();
        }

        Assert.Empty(Directory.GetFiles(app.Outbox, "*_ConfirmationDigest_*.eml")); // the mentee has a few days to answer first
        await StepPages.AdvanceAsync(app, 3);
        var digest = Assert.Single(Directory.GetFiles(app.Outbox, "*_ConfirmationDigest_*.eml"));
        Assert.Contains("_Mentee_", digest, StringComparison.Ordinal);
        var logs = await store.ListAsync<CollaborationLog>(id, "log", default);
        var (long_, short_, confirmed) = (logs.Single(l => l.Minutes == 90).LogId, logs.Single(l => l.Minutes == 30).LogId, logs.Single(l => l.Minutes == 45).LogId);

        // The mentee disputes without a reason first: the reason is asked for beside its field, the answers are kept, nothing is saved.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("ConfirmationDigest", "Mentee").ToString());
        Assert.Equal("0 of 20 hours outside the contract day confirmed.", await mentee.InnerTextAsync("#hours-total"));
        await mentee.CheckAsync($"input[name='Confirm[{long_}]'][value=Disputed]");
        await mentee.CheckAsync($"input[name='Confirm[{confirmed}]'][value=Confirmed]");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Equal("Say briefly what is not right, so your mentor can correct it.", await mentee.InnerTextAsync($"#Reason_{long_}_-error"));
        Assert.True(await mentee.IsCheckedAsync($"input[name='Confirm[{long_}]'][value=Disputed]"));
        Assert.True(await mentee.IsCheckedAsync($"input[name='Confirm[{confirmed}]'][value=Confirmed]"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentee));
        Assert.All(await store.ListAsync<CollaborationLog>(id, "log", default), l => Assert.Equal(TimeConfirmation.Pending, l.Confirmation));
        await mentee.FillAsync($"#Reason_{long_}_", Reason);
        await mentee.CheckAsync($"input[name='Confirm[{short_}]'][value=Disputed]");
        await mentee.FillAsync($"#Reason_{short_}_", "We did not meet that day");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Contains("1 confirmed, 2 disputed. Maria Alvarez gets your reason by email and can correct the log", await mentee.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("0.75 of 20 hours outside the contract day confirmed.", await mentee.InnerTextAsync("#hours-total"));
        await app.RunEngineAsync();

        // The mentor is told which meetings and why, with the link to the log page.
        var disputed = Assert.Single(Directory.GetFiles(app.Outbox, "*_LogDisputed_Mentor_*.eml"));
        using (var mail = await MimeMessage.LoadAsync(disputed))
        {
            Assert.Contains("90 minutes: \"" + Reason + "\"", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("30 minutes: \"We did not meet that day\"", mail.TextBody, StringComparison.Ordinal);
        }

        await mentor.GotoAsync(app.EmailedLink("LogDisputed", "Mentor").ToString());
        Assert.Equal("0.75 of 20 hours outside the contract day confirmed.", await mentor.InnerTextAsync("#hours-total"));
        Assert.Contains("Disputed by the mentee", await mentor.InnerTextAsync($"#history-{long_}"), StringComparison.Ordinal);
        Assert.Contains(Reason, await mentor.InnerTextAsync($"#history-{long_}"), StringComparison.Ordinal);
        Assert.Contains("Confirmed, so it can no longer be changed.", await mentor.InnerTextAsync($"#history-{confirmed}"), StringComparison.Ordinal);
        Assert.Equal(0, await mentor.Locator($"#history-{confirmed} a").CountAsync());
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));

        // Corrected on the same form, prefilled: the mentee is asked again.
        await mentor.ClickAsync($"#history-{long_} a[href^='?edit=']");
        Assert.Equal("90", await mentor.InputValueAsync("#Log_Minutes"));
        Assert.True(await mentor.IsCheckedAsync("#Log_OutsideContractDay"));
        await mentor.FillAsync("#Log_Minutes", "zero");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Equal("Give how long it took in whole minutes, e.g. 45.", await mentor.InnerTextAsync("#log-minutes-error"));
        Assert.Contains("Correct the meeting you logged", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await mentor.FillAsync("#Log_Minutes", "60");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Corrected: 60 minutes", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("Waiting for the mentee to confirm", await mentor.InnerTextAsync($"#history-{long_}"), StringComparison.Ordinal);

        // Withdrawn after saying yes: it counts nowhere any more.
        await mentor.ClickAsync($"#history-{short_} a[href^='?withdraw=']");
        Assert.Contains("This cannot be undone.", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Withdrawn: the 30 minutes", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await mentor.Locator($"#history-{short_}").CountAsync());

        // A forged correction or withdrawal of the confirmed log is refused and changes nothing.
        var fields = await StepPages.FormFieldsAsync(mentor);
        fields["Log.LogId"] = confirmed;
        fields["Log.Correcting"] = "true";
        fields["Log.Minutes"] = "600";
        var forged = await StepPages.PostAgainAsync(mentor, mentorLink, fields);
        Assert.Contains("Your mentee confirmed that meeting, so it can no longer be changed or withdrawn. Nothing was saved.", forged, StringComparison.Ordinal);
        var withdrawal = new Dictionary<string, string> { ["Withdraw.LogId"] = confirmed, ["__RequestVerificationToken"] = fields["__RequestVerificationToken"] };
        Assert.Contains("can no longer be changed or withdrawn", await StepPages.PostAgainAsync(mentor, mentorLink, withdrawal), StringComparison.Ordinal);
        var stored = await store.ListAsync<CollaborationLog>(id, "log", default);
        Assert.Equal([(45, TimeConfirmation.Confirmed), (60, TimeConfirmation.Pending)], stored.Select(l => (l.Minutes, l.Confirmation)).Order());
        await app.RunEngineAsync();

        // The year counts what the pair now agree on; the mentee sees the corrected meeting to confirm again, and the history.
        using var coordinator = app.Client(MentorFlow.Functions.Staff.StaffRole.Coordinator);
        var view = await (await coordinator.GetAsync($"/api/pairings/{id}")).Content.ReadAsStringAsync();
        var pace = System.Text.Json.JsonDocument.Parse(view).RootElement.GetProperty("progress").GetProperty("pace");
        Assert.Equal(0.75m, pace.GetProperty("confirmedHours").GetDecimal());
        Assert.DoesNotContain("REASON-MARKER", view, StringComparison.Ordinal);
        // The coordinator's page lists the two logs left, not the withdrawn one.
        var detail = await (await coordinator.GetAsync($"/coordinator/pairings/{id}")).Content.ReadAsStringAsync();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(detail, "<tr><td>[A-Z][a-z]{2} \\d+ [A-Z][a-z]{2}</td><td>\\d+</td>"));
        Assert.DoesNotContain("<td>30</td>", detail, StringComparison.Ordinal);
        await mentee.ReloadAsync();
        Assert.Equal(1, await mentee.Locator("form fieldset").CountAsync());
        Assert.Equal(2, await mentee.Locator("#log-history li").CountAsync());
        Assert.Equal(0, await mentee.Locator("#log-history a").CountAsync()); // the mentee corrects nothing

        // Another pairing's pair sees none of this one's logs or hours.
        using var hr = app.Client();
        using var created = await hr.PostAsJsonAsync("/api/pairings", Pairings.PairingRequests.Valid(menteeId: "E2002", mentorId: "E1002"));
        created.EnsureSuccessStatusCode();
        var other = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!;
        foreach (var person in new[] { RecipientRole.Mentor, RecipientRole.Mentee })
        {
            var page = await browser.PhoneAsync();
            await page.GotoAsync(new Uri(app.BaseAddress, $"/s/{signer.Sign(new StepLink(other, person, "log", DateTimeOffset.UtcNow.AddYears(2)))}").ToString());
            Assert.Equal("0 of 20 hours outside the contract day confirmed.", await page.InnerTextAsync("#hours-total"));
            Assert.Equal(0, await page.Locator("#log-history li").CountAsync());
        }
    }

    [Fact]
    public async Task The_confirmation_list_comes_once_time_has_waited_three_days_and_at_most_once_a_week()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var mentorLink = new Uri(app.BaseAddress, $"/s/{signer.Sign(new StepLink(id, RecipientRole.Mentor, "log", DateTimeOffset.UtcNow.AddYears(2)))}").ToString();
        var mentor = await browser.PhoneAsync();
        await LogAsync(mentor, mentorLink);
        await app.RunEngineAsync();
        await StepPages.AdvanceAsync(app, 3);
        await LogAsync(mentor, mentorLink);
        await app.RunEngineAsync();
        Assert.Single(Directory.GetFiles(app.Outbox, "*_ConfirmationDigest_Mentee_*.eml"));

        await StepPages.AdvanceAsync(app, 7);

        var digests = new List<string>();
        foreach (var file in Directory.GetFiles(app.Outbox, "*_ConfirmationDigest_Mentee_*.eml"))
        {
            using var mail = await MimeMessage.LoadAsync(file);
            digests.Add(mail.TextBody ?? "");
        }

        Assert.Equal(2, digests.Count);
        Assert.Contains(digests, d => d.Contains("1 logged meeting waits for your confirmation.", StringComparison.Ordinal));
        Assert.Contains(digests, d => d.Contains("2 logged meetings wait for your confirmation.", StringComparison.Ordinal));
    }

    private static async Task LogAsync(IPage mentor, string link)
    {
        await mentor.GotoAsync(link);
        await mentor.CheckAsync("#Log_OutsideContractDay");
        await mentor.ClickAsync("button[type=submit]");
    }
}
