using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class PairingPageTests
{
    [Fact]
    public async Task The_pairing_page_shows_the_plan_all_year_the_midyear_answers_and_why_the_pair_is_at_risk()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.AtMidyearAsync(app, browser);
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("MidyearRequest", "Mentor").ToString());
        for (var goal = 0; goal < 3; goal++)
        {
            await mentor.CheckAsync($"input[name='Midyear.Progress[{goal}]'][value='2']");
        }

        await mentor.FillAsync("#Midyear_Concerns", "We keep missing Tuesdays.");
        await mentor.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();

        var coordinator = await StepPages.CoordinatorOnAsync(app, browser, $"/coordinator/pairings/{id}");
        var page = await coordinator.InnerTextAsync("main");

        Assert.Contains("They meet Tuesdays, 3:30 pm, Room 12. Signed by both.", page, StringComparison.Ordinal);
        Assert.Contains("We will listen first.", page, StringComparison.Ordinal);
        Assert.Contains("Goal 2. The mentor: Model it in class. The mentee: Try it twice a week.", page, StringComparison.Ordinal);
        Assert.Contains("Goal 1: progress 2 of 4", page, StringComparison.Ordinal);
        Assert.Contains("Their concern: We keep missing Tuesdays.", page, StringComparison.Ordinal);
        Assert.Contains("At risk: behind pace at midyear: 0 confirmed hours of", page, StringComparison.Ordinal);
        Assert.Contains("the pair wrote a concern (below)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("none", (await coordinator.InnerTextAsync("main")).Split("Action plan")[1].Split("Midyear check")[0], StringComparison.Ordinal); // off-limits topics stay theirs
        Assert.Equal(1, await coordinator.Locator("form[action='/coordinator?handler=Nudge']").CountAsync());
    }
}
