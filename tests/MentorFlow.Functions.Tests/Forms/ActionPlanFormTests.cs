using System.Net.Http.Json;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class ActionPlanFormTests
{
    [Fact]
    public async Task Mentor_drafts_and_signs_mentee_signs_and_the_year_moves_to_the_schedule()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var mentor = await browser.PhoneAsync();

        // The mentee cannot sign before the mentor has written the plan.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(LinkFor(app, "Mentee").ToString());
        Assert.Contains("Your mentor fills in the plan first", await mentee.InnerTextAsync("main"), StringComparison.Ordinal);

        await mentor.GotoAsync(LinkFor(app, "Mentor").ToString());
        await StepPages.FillPlanAsync(mentor, secondCommitment: "I will come prepared.");
        await mentor.ClickAsync("button[type=submit]");

        // The wrong commitment is named beside its field, and everything typed is still there.
        Assert.Equal("Commitment 2 must start with 'We will'.", await mentor.InnerTextAsync("#commitment-1-error"));
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentor));
        Assert.Equal("I will come prepared.", await mentor.InputValueAsync("#Form_Commitments_1__Text"));
        Assert.Equal("Room 12", await mentor.InputValueAsync("#Form_MeetingPlace"));
        Assert.Equal("Goal 3", await mentor.InputValueAsync("#Form_Goals_2__Goal"));

        await mentor.FillAsync("#Form_Commitments_1__Text", "We will come prepared.");
        await mentor.ClickAsync("button[type=submit]");
        Assert.Contains("Already submitted", await mentor.InnerTextAsync("main"), StringComparison.Ordinal);

        await mentee.GotoAsync(LinkFor(app, "Mentee").ToString());
        Assert.Equal("We will come prepared.", await mentee.InputValueAsync("#Form_Commitments_1__Text"));
        await mentee.FillAsync("#Form_SignatureName", "Someone Else");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Contains("Type your full name as it appears here, Sam Okafor", await mentee.InnerTextAsync("#signature-error"), StringComparison.Ordinal);
        Assert.Empty(await StepPages.PhoneProblemsAsync(mentee));
        await mentee.FillAsync("#Form_SignatureName", "sam okafor");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Contains("Already submitted", await mentee.InnerTextAsync("main"), StringComparison.Ordinal);

        await app.RunEngineAsync();
        using var hr = app.Client();
        using var read = await hr.GetAsync($"/api/pairings/{id}");
        Assert.Equal("ScheduleFillIn", (await RunningApp.JsonAsync(read)).GetProperty("progress").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Posting_a_signed_plan_again_shows_already_submitted_and_changes_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(LinkFor(app, "Mentor").ToString());
        await StepPages.FillPlanAsync(mentor);
        var form = await StepPages.FormFieldsAsync(mentor);
        await mentor.ClickAsync("button[type=submit]");
        var plans = app.Services.GetRequiredService<IActionPlanStore>();
        var signed = (await plans.FindAsync(id, default))!.MentorSignature;

        using var hr = app.Client();
        using var later = await hr.PostAsJsonAsync("/api/clock/advance", new { hours = 2 });
        form["Form.Commitments[0].Text"] = "We will replace what was signed.";
        var replay = await StepPages.PostAgainAsync(mentor, LinkFor(app, "Mentor").ToString(), form);

        Assert.Contains("Already submitted", replay, StringComparison.Ordinal);
        var stored = (await plans.FindAsync(id, default))!;
        Assert.Equal(signed, stored.MentorSignature);
        Assert.Equal("We will meet every week.", stored.Commitments[0].Text);
    }

    private static Uri LinkFor(RunningApp app, string person) => app.EmailedLink("ActionPlanInvite", person);
}
