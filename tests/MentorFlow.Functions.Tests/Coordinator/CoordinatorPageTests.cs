using System.Net.Http.Json;
using System.Text;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Coordinator;

public sealed class CoordinatorPageTests
{
    private static readonly string Sample = File.ReadAllText(RepositoryRoot.Combine("functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    [Fact]
    public async Task The_coordinator_signs_in_sees_who_is_behind_filters_downloads_and_nudges()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        (await hr.PostAsync("/api/pairings/import", new StringContent(Sample, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        // Three weeks on, nobody has signed an action plan: those two are overdue; the second-half pairing has not started.
        (await hr.PostAsJsonAsync("/api/clock/advance", new { days = 21 })).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/coordinator").ToString());
        Assert.EndsWith("/staff/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("#Key", "not-a-key");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("not a staff key", await page.InnerTextAsync("#key-error"), StringComparison.Ordinal);
        await page.FillAsync("#Key", RunningApp.Keys[StaffRole.Coordinator]);
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("/coordinator", new Uri(page.Url).AbsolutePath);
        Assert.Equal(3, await page.Locator("tbody tr").CountAsync());
        var overdueRow = page.Locator("tbody tr", new() { HasText = "Sam Okafor" });
        Assert.Contains("Overdue", await overdueRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Action plan", await overdueRow.InnerTextAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("#flag", "overdue");
        await page.ClickAsync("form.filters button");
        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());

        var csv = await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "/coordinator/pairings.csv?flag=overdue").ToString());
        var body = await csv.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        var lines = Encoding.UTF8.GetString(body[3..]).TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("pairingId,districtId,school,mentor,mentee,stage", lines[0], StringComparison.Ordinal);
        Assert.All(lines[1..], line => Assert.Contains("overdue", line, StringComparison.Ordinal));

        await overdueRow.Locator("button", new() { HasText = "Nudge" }).ClickAsync();
        Assert.Contains("Nudge sent", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(app.Outbox, "*_CoordinatorNudge_*.eml").Length);
        // The nudge names the pairing and links each person to the step the year waits on them for: here the action plan.
        using var nudge = await MimeKit.MimeMessage.LoadAsync(Directory.GetFiles(app.Outbox, "*_CoordinatorNudge_Mentor_*.eml").Single());
        Assert.Equal("A note from your program coordinator — with Sam Okafor", nudge.Subject);
        Assert.Contains("Your mentoring pairing with Sam Okafor, Lincoln Elementary, Demo District.", nudge.TextBody, StringComparison.Ordinal);
        Assert.Contains("finish this step: your mentoring action plan. It was due by Tuesday 15 September 2026.", nudge.TextBody, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(nudge.TextBody!, @"https?://\S+/s/\S+").Value;
        await page.GotoAsync(link);
        Assert.Equal("Your mentoring action plan", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Tiles_count_every_pairing_by_flag_and_stage_whatever_the_filter_and_each_opens_its_filter()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        (await hr.PostAsync("/api/pairings/import", new StringContent(Sample, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        (await hr.PostAsJsonAsync("/api/clock/advance", new { days = 21 })).EnsureSuccessStatusCode();
        await app.RunEngineAsync();
        using var coordinator = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/coordinator?school=Roosevelt%20Middle");
        await coordinator.GetAsync(signIn);
        await coordinator.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Coordinator])]);

        var tiles = System.Text.RegularExpressions.Regex.Matches(coordinator.Html, "<a class=\"tile[^\"]*\" href=\"([^\"]+)\"><span class=\"tile-count\">(\\d+)</span> ([^<]+)</a>")
            .ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[3].Value), m => (Count: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Href: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(coordinator.Html, "<tbody>.*?</tbody>", System.Text.RegularExpressions.RegexOptions.Singleline)[0].Value.Split("<tr ").Skip(1));
        Assert.Equal((2, "/coordinator?flag=overdue"), tiles["overdue"]); // both full-year pairings, though the filter shows one school
        Assert.Equal(0, tiles["ended early"].Count);
        Assert.Equal((2, "/coordinator?stage=Kickoff"), tiles["Action plan"]);
        Assert.Equal((1, "/coordinator?stage=NotStarted"), tiles["Not started yet"]);
        Assert.Contains("<a class=\"tile attention\" href=\"/coordinator?flag=overdue\">", coordinator.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_role_signed_in_is_told_the_page_is_not_for_it()
    {
        await using var app = await RunningApp.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.PhoneAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/staff/sign-in").ToString());
        await page.FillAsync("#Key", RunningApp.Keys[StaffRole.Analyst]);
        await page.ClickAsync("button[type=submit]");

        var response = await page.GotoAsync(new Uri(app.BaseAddress, "/coordinator").ToString());

        Assert.Equal(403, response!.Status);
        Assert.Contains("Not for your role", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        var csv = await page.Context.APIRequest.GetAsync(new Uri(app.BaseAddress, "/coordinator/pairings.csv").ToString(), new() { MaxRedirects = 0 });
        Assert.NotEqual(200, csv.Status);
    }
}
