using MentorFlow.Core.Messaging;
using MentorFlow.Functions.ActionPlans;
using MentorFlow.Functions.Drafts;
using MentorFlow.Functions.Pages.Steps;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>The action plan is the longest form: the mentor keeps a draft, comes back to it, and signs when it is done.</summary>
public sealed class ActionPlanDraftTests
{
    [Fact]
    public async Task The_mentor_saves_a_half_written_plan_opens_it_again_from_the_link_and_signs_it_later()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var link = app.EmailedLink("ActionPlanInvite", "Mentor").ToString();
        var phone = await browser.PhoneAsync();
        await phone.GotoAsync(link);
        await phone.FillAsync("#Form_MeetingTime", "Tuesdays, 3:30 pm");
        await phone.FillAsync("#Form_Commitments_0__Text", "We will meet every week.");
        await phone.FillAsync("#Form_Goals_1__Goal", "Routines that hold");

        await phone.ClickAsync("button[value=draft]");

        Assert.Contains("Your draft of", await phone.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(0, await phone.Locator("#error-summary").CountAsync()); // a draft is kept as it is, unchecked
        Assert.Null(await app.Services.GetRequiredService<IActionPlanStore>().FindAsync(id, CancellationToken.None)); // nothing signed, nothing sent
        Assert.Empty(Directory.GetFiles(app.Outbox, "*_PlanReadyToSign_*.eml"));

        var later = await browser.PageAsync(1280);
        await later.GotoAsync(link);
        Assert.Equal("Tuesdays, 3:30 pm", await later.InputValueAsync("#Form_MeetingTime"));
        Assert.Equal("We will meet every week.", await later.InputValueAsync("#Form_Commitments_0__Text"));
        Assert.Equal("Routines that hold", await later.InputValueAsync("#Form_Goals_1__Goal"));
        await StepPages.FillPlanAsync(later);
        await later.ClickAsync("button[type=submit]:not([value=draft])");
        await app.RunEngineAsync();

        Assert.Contains("Signed. Sam Okafor can now read the plan and sign it", await later.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<IFormDrafts>().FindAsync(id, StepFormPage.ActionPlanStep, RecipientRole.Mentor, CancellationToken.None));
        Assert.Single(Directory.GetFiles(app.Outbox, "*_PlanReadyToSign_Mentee_*.eml"));

        // The mentee reads the plan for signing: its choices in full contrast, not grey on grey.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("PlanReadyToSign", "Mentee").ToString());
        Assert.Equal("rgb(27, 31, 36)", await mentee.EvalOnSelectorAsync<string>("select:disabled", "s => getComputedStyle(s).color"));
        await mentee.FillAsync("#Form_SignatureName", "Sam Okafor");
        await mentee.ClickAsync("button[type=submit]");
        Assert.Contains("Signed. The plan is agreed: Maria Alvarez now fills in your regular meeting schedule", await mentee.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
    }
}
