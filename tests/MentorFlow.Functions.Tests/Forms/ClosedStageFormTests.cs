using System.Net.Http.Json;
using MentorFlow.Core.Midyear;
using MentorFlow.Functions.Submissions;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Forms;

public sealed class ClosedStageFormTests
{
    [Fact]
    public async Task A_midyear_check_posted_after_the_years_end_is_refused_even_before_the_year_has_taken_the_end_in()
    {
        // Links that outlast the year (a district may set them so), so the midyear link still opens after the year's end.
        await using var app = await RunningApp.StartAsync("--MentorFlow:Links:StepDays", "400");
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.AtMidyearAsync(app, browser);
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("MidyearRequest", "Mentor").ToString());
        for (var goal = 0; goal < 3; goal++)
        {
            await mentor.CheckAsync($"input[name='Midyear.Progress[{goal}]'][value='3']");
        }

        // The clock passes the year's end (15 June) while the form is open; the year has not run since.
        using var hr = app.Client();
        (await hr.PostAsJsonAsync("/api/clock/advance", new { days = 145 })).EnsureSuccessStatusCode();
        await mentor.ClickAsync("button[type=submit]");

        var page = await mentor.InnerTextAsync("main");
        Assert.Contains("The program year ended on 15 June 2027, so this step is closed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your midyear check is in", page, StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<ISubmissionStore>().FindAsync<MidyearCheck>(id, "midyear", "current", CancellationToken.None));
        await app.RunEngineAsync();
        Assert.Equal("SignOff", (await RunningApp.JsonAsync(await hr.GetAsync($"/api/pairings/{id}"))).GetProperty("progress").GetProperty("stage").GetString());
    }
}
