using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;

namespace MentorFlow.Functions.Tests.Links;

public sealed class StepLinkPageTests
{
    [Fact]
    public async Task The_link_in_the_email_opens_that_persons_step_and_nobody_elses()
    {
        await using var app = await RunningApp.StartAsync();
        var link = await EmailedLinkAsync(app, "Mentee");
        using var browser = new HttpClient();

        using var page = await browser.GetAsync(link);
        var html = await page.Content.ReadAsStringAsync();

        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{link}: {html}");
        Assert.Contains("Your mentoring action plan", html, StringComparison.Ordinal);
        Assert.Contains("Hello Sam Okafor", html, StringComparison.Ordinal);
        Assert.Contains("pairing with Maria Alvarez", html, StringComparison.Ordinal);
        Assert.Contains("Your mentor fills in the plan first", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_link_gets_a_page_saying_what_to_do()
    {
        await using var app = await RunningApp.StartAsync();
        var link = await EmailedLinkAsync(app, "Mentor");
        using var browser = new HttpClient();
        var tampered = link.ToString()[..^4] + (link.ToString().EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var page = await browser.GetAsync(new Uri(tampered));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This link does not open", html, StringComparison.Ordinal);
        Assert.Contains("What to do:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Maria Alvarez", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_says_to_use_the_latest_email()
    {
        await using var app = await RunningApp.StartAsync();
        var link = await EmailedLinkAsync(app, "Mentor");
        using var hr = app.Client();
        using var advanced = await hr.PostAsJsonAsync("/api/clock/advance", new { days = 61 });
        using var browser = new HttpClient();

        using var page = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("most recent MentorFlow email", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Starts a pairing, runs its year's first step, and reads the person's link from the outbox.
    private static async Task<Uri> EmailedLinkAsync(RunningApp app, string person)
    {
        using var hr = app.Client();
        using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        created.EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        return app.EmailedLink("ActionPlanInvite", person);
    }
}
