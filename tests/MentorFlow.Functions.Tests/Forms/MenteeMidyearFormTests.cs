using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>The midyear check asks the mentee too: their own word reaches the coordinator, and not their mentor.</summary>
public sealed class MenteeMidyearFormTests
{
    [Fact]
    public async Task The_mentee_gives_their_own_word_at_midyear_and_the_coordinator_reads_it_on_the_pairings_page()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.AtMidyearAsync(app, browser);
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("MidyearRequest", "Mentee").ToString());
        await mentee.FillAsync("#Mentee_Concerns", "We rarely talk about my classes.");

        await mentee.ClickAsync("button[type=submit]");

        Assert.Contains("Choose how much the mentoring helps you", await mentee.InnerTextAsync("#error-summary"), StringComparison.Ordinal);
        Assert.Equal("We rarely talk about my classes.", await mentee.InputValueAsync("#Mentee_Concerns"));
        await mentee.CheckAsync("input[name='Mentee.Helpfulness'][value='1']");
        await mentee.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
        Assert.Contains("Your coordinator reads it and will get in touch with you.", await mentee.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(app.Outbox, "*_AtRiskAlert_Coordinator_mentee.eml"));

        var coordinator = await StepPages.CoordinatorOnAsync(app, browser, $"/coordinator/pairings/{id}");
        var page = await coordinator.InnerTextAsync("main");
        Assert.Contains("The mentoring helps 1 of 4", page, StringComparison.Ordinal);
        Assert.Contains("Their concern: We rarely talk about my classes.", page, StringComparison.Ordinal);
        Assert.Contains("the mentee says the mentoring does not help", page, StringComparison.Ordinal);

        // Written for the coordinator: the mentor's own midyear page does not show it.
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("MidyearRequest", "Mentor").ToString());
        Assert.DoesNotContain("rarely", await mentor.ContentAsync(), StringComparison.Ordinal);
    }
}
