using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class YearEndFormTests
{
    [Fact]
    public async Task Midyear_observation_sign_off_and_the_coordinators_decision_finish_the_year()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();

        // Midyear: the program's midpoint (22 January) sends the check; every goal needs a rating.
        await StepPages.AtMidyearAsync(app, browser);
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("MidyearRequest", "Mentor").ToString());
        Assert.Contains("Goal 3: Goal 3", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await mentor.CheckAsync("input[name='Midyear.Progress[0]'][value='3']");
        await mentor.CheckAsync("input[name='Midyear.Progress[2]'][value='2']");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Equal("Progress on goal 2 must be 1 to 4.", await mentor.InnerTextAsync("#goal-1-progress-error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        Assert.True(await mentor.IsCheckedAsync("input[name='Midyear.Progress[0]'][value='3']"));
        await mentor.CheckAsync("input[name='Midyear.Progress[1]'][value='4']");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Your midyear check is in. Next: keep meeting and logging your time with Sam Okafor", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();

        // An observation cycle, from the standing log page; the substitute allowance (14 hours) is enforced.
        await mentor.GotoAsync(app.EmailedLink("MeetingInvite", "Mentor").ToString());
        await mentor.ClickAsync("text=Log an observation cycle instead");
        await mentor.SelectOptionAsync("#Observation_Type", "1");
        await mentor.FillAsync("#Observation_PreConferenceOn", "2027-01-11");
        await mentor.FillAsync("#Observation_ObservedOn", "2027-01-13");
        await mentor.FillAsync("#Observation_PostConferenceOn", "2027-01-15");
        await mentor.FillAsync("#Observation_Focus", "Questioning strategies");
        await mentor.FillAsync("#Observation_SubstituteHours", "20");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Only 14 substitute hour(s) are left", await mentor.InnerTextAsync("#sub-error"), StringComparison.Ordinal);
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        Assert.Equal("Questioning strategies", await mentor.InputValueAsync("#Observation_Focus"));
        await mentor.FillAsync("#Observation_SubstituteHours", "3");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Logged: an observation cycle (Mentee observes the mentor's class), observed on", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();

        // The year ends on 15 June: both sign off; with no hours logged the coordinator decides.
        await StepPages.AdvanceAsync(app, 145);
        await mentor.GotoAsync(app.EmailedLink("SignOffRequest", "Mentor").ToString());
        await mentor.CheckAsync("#SignOffForm_HoursConfirmed");
        await mentor.FillAsync("#SignOffForm_SignedName", "Maria Alvarez");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Equal("Rate your satisfaction from 1 to 5.", await mentor.InnerTextAsync("#satisfaction-error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        await mentor.CheckAsync("input[name='SignOffForm.Satisfaction'][value='5']");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Next: once Sam Okafor has signed off too, the year is recorded", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("SignOffRequest", "Mentee").ToString());
        await mentee.CheckAsync("#SignOffForm_HoursConfirmed");
        await mentee.CheckAsync("input[name='SignOffForm.Satisfaction'][value='4']");
        await mentee.FillAsync("#SignOffForm_SignedName", "Sam Okafor");
        await mentee.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();

        var coordinator = await browser.PhoneAsync();
        await coordinator.GotoAsync(new Uri(app.BaseAddress, "/coordinator?stage=CoordinatorDecision").ToString());
        await coordinator.FillAsync("#Key", RunningApp.Keys[StaffRole.Coordinator]);
        await coordinator.ClickAsync("button[type=submit]");
        Assert.Equal(1, await coordinator.Locator("tbody tr").CountAsync());
        // The decision is taken on the pairing's page: chosen (nothing is chosen in advance), with a reason, read back, confirmed.
        await coordinator.ClickAsync("text=Decide Sam Okafor's year");
        Assert.Equal("", await coordinator.InputValueAsync($"#decision-{id}"));
        await coordinator.SelectOptionAsync($"#decision-{id}", "Completed");
        await coordinator.ClickAsync("text=Review the decision");
        Assert.Contains("give the reason for the decision", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        await coordinator.SelectOptionAsync($"#decision-{id}", "Completed");
        await coordinator.FillAsync($"#reason-{id}", "Met weekly all year; the log missed the winter weeks.");
        await coordinator.ClickAsync("text=Review the decision");
        Assert.Contains("You are recording Completed the program year for the year of Sam Okafor with Maria Alvarez.", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        await app.RunEngineAsync();
        Assert.Equal("CoordinatorDecision", (await RunningApp.JsonAsync(await app.Client().GetAsync($"/api/pairings/{id}"))).GetProperty("progress").GetProperty("stage").GetString()); // nothing recorded yet
        await coordinator.ClickAsync("text=Record the decision");
        var page = await coordinator.InnerTextAsync("main");
        Assert.Contains("Decision recorded: Completed the program year.", page, StringComparison.Ordinal);
        Assert.Contains("Coordinator: Decided: Completed the program year (reason: Met weekly all year; the log missed the winter weeks.)", page, StringComparison.Ordinal);
        await app.RunEngineAsync();

        using var hr = app.Client();
        var view = await RunningApp.JsonAsync(await hr.GetAsync($"/api/pairings/{id}"));
        var outcome = view.GetProperty("outcome");
        Assert.Equal("Completed", outcome.GetProperty("result").GetString());
        Assert.Equal("Completed", outcome.GetProperty("decision").GetString());
        Assert.Equal(5, outcome.GetProperty("mentorSatisfaction").GetInt32());
        Assert.Equal(4, outcome.GetProperty("menteeSatisfaction").GetInt32());
        Assert.Equal(3m, outcome.GetProperty("substituteHoursUsed").GetDecimal());
    }
}
