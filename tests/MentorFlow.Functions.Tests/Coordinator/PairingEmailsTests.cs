using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class PairingEmailsTests
{
    [Fact]
    public async Task The_pairing_page_lists_the_emails_sent_and_resends_each_person_the_link_of_the_step_they_are_on()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("ActionPlanInvite", "Mentor").ToString());
        await StepPages.FillPlanAsync(mentor);
        await mentor.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();

        var coordinator = await StepPages.CoordinatorOnAsync(app, browser, $"/coordinator/pairings/{id}");
        var emails = await coordinator.InnerTextAsync("table:below(#emails)");
        Assert.Contains("The mentor\tYour mentoring action plan", emails, StringComparison.Ordinal);
        Assert.Contains("The mentee\tYour mentoring action plan", emails, StringComparison.Ordinal);
        Assert.Contains("The mentee\tYour action plan is ready to sign", emails, StringComparison.Ordinal);
        Assert.DoesNotContain("@", emails, StringComparison.Ordinal); // what and to whom, never an address

        await coordinator.ClickAsync("button:has-text('Resend to')");

        Assert.Contains("Nudge sent", await coordinator.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(2, await coordinator.Locator("#emails + .table-wrap td", new() { HasText = "A note from your program coordinator" }).CountAsync());
        // The year waits on the mentee's signature: the mentee's email opens the plan; the mentor, who signed, gets the meeting log.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("CoordinatorNudge", "Mentee").ToString());
        Assert.Equal("Your mentoring action plan", await mentee.InnerTextAsync("h1"));
        var mentorsLink = await File.ReadAllTextAsync(Directory.GetFiles(app.Outbox, "*_CoordinatorNudge_Mentor_*.eml").Single());
        Assert.Contains("log the meetings you had", mentorsLink, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_pair_that_never_signed_its_plan_can_be_closed_by_the_coordinator_once_it_is_overdue()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var coordinator = await StepPages.CoordinatorOnAsync(app, browser, $"/coordinator/pairings/{id}");
        Assert.Equal(0, await coordinator.Locator("#close").CountAsync()); // the plan is not due yet

        await StepPages.AdvanceAsync(app, 15); // the plan was due 15 September
        coordinator = await StepPages.CoordinatorOnAsync(app, browser, $"/coordinator/pairings/{id}"); // the sign-in of two weeks ago has ended
        await coordinator.FillAsync("#close input[name=reason]", "The mentee left before the plan was written.");
        await coordinator.ClickAsync("#close button");
        Assert.Contains("You are recording Did not complete the program year", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        await coordinator.ClickAsync("button:has-text('Record the decision')");
        await app.RunEngineAsync();
        await coordinator.ReloadAsync();

        var page = await coordinator.InnerTextAsync("main");
        Assert.Contains("Outcome", page, StringComparison.Ordinal);
        Assert.Contains("the coordinator's decision: did not complete the program year", page, StringComparison.Ordinal);
        Assert.Contains("reason: The mentee left before the plan was written.", page, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(app.Outbox, "*_OutcomeNotice_Mentee_*.eml"));
    }
}
