using MentorFlow.Core.Logs;
using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Links;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class WeeklyLoopFormTests
{
    private const string Secret = "PRIVATE-NOTE-7f3a";

    [Fact]
    public async Task Schedule_then_log_a_meeting_then_the_mentee_confirms_and_the_notes_stay_with_the_pair()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.SignPlanAsync(app, browser);

        // The mentor fills in the schedule, which starts from the plan's meeting time and place; a time that is not a
        // time is named beside its field.
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("ScheduleRequest", "Mentor").ToString());
        Assert.Equal("Tuesday", await mentor.InputValueAsync("#Schedule_Weekday"));
        Assert.Equal("15:30", await mentor.InputValueAsync("#Schedule_StartTime"));
        Assert.Equal("Room 12", await mentor.InputValueAsync("#Schedule_Place"));
        await mentor.FillAsync("#Schedule_StartTime", "");
        await mentor.SelectOptionAsync("#Schedule_Weekday", "Thursday");
        await mentor.FillAsync("#Schedule_Minutes", "forty");
        await mentor.FillAsync("#Schedule_Place", "Room 12");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Equal("Give the start time as hours and minutes, e.g. 15:30.", await mentor.InnerTextAsync("#start-error"));
        Assert.Equal("Give the length in whole minutes, e.g. 45.", await mentor.InnerTextAsync("#minutes-error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        Assert.Equal("Room 12", await mentor.InputValueAsync("#Schedule_Place"));
        Assert.Equal("Thursday", await mentor.InputValueAsync("#Schedule_Weekday"));
        await mentor.FillAsync("#Schedule_StartTime", "15:30");
        await mentor.FillAsync("#Schedule_Minutes", "45");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Your schedule is saved", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();

        // Both get the invite with the .ics and the standing log link.
        using (var invite = await MimeMessage.LoadAsync(Directory.GetFiles(app.Outbox, "*_MeetingInvite_Mentee_*.eml").Single()))
        {
            var ics = invite.Attachments.OfType<MimePart>().Single(a => a.FileName == "mentoring-meeting.ics");
            using var text = new StreamReader(ics.Content!.Open());
            var calendar = await text.ReadToEndAsync();
            Assert.Contains("20260903T153000", calendar, StringComparison.Ordinal); // the first Thursday, 15:30
            Assert.Contains("SUMMARY:Mentoring meeting: Maria Alvarez and Sam Okafor", calendar, StringComparison.Ordinal);
            Assert.Contains("ORGANIZER;CN=Maria Alvarez:mailto:maria.alvarez@demo-district.example", calendar, StringComparison.Ordinal);
        }

        // The mentor logs a meeting: a wrong value first, then the meeting with private notes.
        await mentor.GotoAsync(app.EmailedLink("MeetingInvite", "Mentor").ToString());
        await mentor.FillAsync("#Log_Minutes", "0");
        await mentor.CheckAsync("#Log_OutsideContractDay");
        await mentor.FillAsync("#Log_PrivateNotes", $"Talked about a hard parent call. {Secret}");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Equal("Minutes must be between 1 and 600.", await mentor.InnerTextAsync("#log-minutes-error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        Assert.Contains(Secret, await mentor.InputValueAsync("#Log_PrivateNotes"), StringComparison.Ordinal);
        await mentor.FillAsync("#Log_Minutes", "50");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Logged: 50 minutes", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();

        // The mentee sees the logged time (and the pair's notes) and confirms it.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("MeetingInvite", "Mentee").ToString());
        Assert.Contains(Secret, await mentee.InnerTextAsync("main"), StringComparison.Ordinal);
        await mentee.ClickAsync("button[type=submit]");
        Assert.Equal("Choose Confirm or Dispute for this meeting.", await mentee.InnerTextAsync("fieldset .error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentee));
        await mentee.CheckAsync("input[type=radio][value=Confirmed]");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Contains("1 confirmed, 0 disputed. Confirmed time now counts toward your hours.", await mentee.InnerTextAsync("main"), StringComparison.Ordinal);
        await mentee.ReloadAsync();
        Assert.Contains("no logged time waiting for you", await mentee.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();

        // The coordinator's view counts the confirmed hours and never carries the notes, nor does the engine.
        using var coordinator = app.Client(MentorFlow.Functions.Staff.StaffRole.Coordinator);
        var view = await (await coordinator.GetAsync($"/api/pairings/{id}")).Content.ReadAsStringAsync();
        var pace = System.Text.Json.JsonDocument.Parse(view).RootElement.GetProperty("progress").GetProperty("pace");
        Assert.InRange(pace.GetProperty("confirmedHours").GetDecimal(), 0.83m, 0.84m);
        Assert.DoesNotContain(Secret, view, StringComparison.Ordinal);
        var history = await app.Engine.GetOrchestrationHistoryAsync(id);
        Assert.DoesNotContain(history, e => Durable.Sqlite.HistoryJson.Serialize(e).Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, (await app.Engine.GetInstanceAsync(id))!.SerializedInput ?? "", StringComparison.Ordinal);

        // The coordinator's page for the pairing shows the meeting, its chart and its confirmation, and not the notes.
        var page = await browser.PhoneAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, $"/coordinator/pairings/{id}").ToString());
        await page.FillAsync("#Key", RunningApp.Keys[MentorFlow.Functions.Staff.StaffRole.Coordinator]);
        await page.ClickAsync("button[type=submit]");
        var detail = await page.ContentAsync();
        Assert.Contains("Meetings logged per week for this pairing: 1 meetings", detail, StringComparison.Ordinal);
        Assert.Contains("Confirmed by the mentee", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_log_form_posted_twice_logs_the_meeting_once()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var mentor = await browser.PhoneAsync();
        var signer = app.Services.GetRequiredService<StepLinkSigner>();
        var token = signer.Sign(new StepLink(id, RecipientRole.Mentor, "log", DateTimeOffset.UtcNow.AddYears(2)));
        var link = new Uri(app.BaseAddress, $"/s/{token}").ToString();
        await mentor.GotoAsync(link);
        var form = await StepPages.FormFieldsAsync(mentor);

        await mentor.ClickAsync("button[type=submit]");
        var again = await StepPages.PostAgainAsync(mentor, link, form);

        Assert.Contains("Already submitted: that meeting was logged before.", again, StringComparison.Ordinal);
        var logs = await app.Services.GetRequiredService<ISubmissionStore>().ListAsync<CollaborationLog>(id, "log", default);
        Assert.Single(logs);
    }
}
