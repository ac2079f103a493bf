using System.Collections.Concurrent;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Security;

public sealed class SecurityHeadersBrowserTests
{
    [Fact]
    public async Task Under_the_policy_a_step_form_is_styled_and_submits_and_the_browser_reports_no_violation()
    {
        await using var app = await RunningApp.StartAsync();
        await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync();
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");

        await page.GotoAsync(app.EmailedLink("ActionPlanInvite", "Mentor").ToString());
        var bodyMargin = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).marginTop");
        var buttonColor = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("0px", bodyMargin); // the layout's style block applied (a browser's default is 8px)
        Assert.Equal("rgb(11, 92, 173)", buttonColor);
        Assert.True(await page.Locator(".error:not(:empty)").CountAsync() > 0, "the empty form's post came back without its errors");
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
