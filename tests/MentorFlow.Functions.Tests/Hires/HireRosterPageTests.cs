using System.Net;
using System.Text;
using MentorFlow.Functions.Hires;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Hires;

/// <summary>HR uploads the year's roster of hires in a browser and sees what each district year holds; a bad file saves nothing.</summary>
public sealed class HireRosterPageTests
{
    private static readonly byte[] Sample = File.ReadAllBytes(RepositoryRoot.Combine("functions", "MentorFlow.Functions", "Hires", "hires-sample.csv"));

    private static readonly KeyValuePair<string, string>[] ThisYear = [new("districtId", "demo-district"), new("programYear", "2026-2027")];

    [Fact]
    public async Task A_browser_upload_saves_the_roster_and_the_page_shows_it_beside_the_years_mentees()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = await SignedInAsync(app);

        Assert.Contains("not sent yet", hr.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await hr.PostFileAsync(new Uri(app.BaseAddress, "/hr/hires"), "file", "hires.csv", Sample, ThisYear));

        Assert.Contains("Saved the 2026-2027 roster of Demo District: 4 beginning educators, 3 with next year&#x27;s answer.", hr.Html, StringComparison.Ordinal);
        var roster = await app.Services.GetRequiredService<IHireRosters>().FindAsync("demo-district", "2026-2027", CancellationToken.None);
        Assert.Equal(["E2001", "E2002", "E2003", "E2004"], roster!.Hires.Select(h => h.EmployeeId));
    }

    [Fact]
    public async Task A_roster_with_bad_rows_shows_each_by_line_and_column_keeps_the_choices_and_saves_nothing()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = await SignedInAsync(app);
        var broken = Encoding.UTF8.GetString(Sample).Replace("2026-08-24,no", "2026-08-24,perhaps", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            await hr.PostFileAsync(new Uri(app.BaseAddress, "/hr/hires"), "file", "hires.csv", Encoding.UTF8.GetBytes(broken), ThisYear));

        Assert.Contains("nothing from it was saved", hr.Html, StringComparison.Ordinal);
        Assert.Contains("line 3, employedNextYear", hr.Html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2026-2027\" selected", hr.Html, StringComparison.Ordinal);
        Assert.Null(await app.Services.GetRequiredService<IHireRosters>().FindAsync("demo-district", "2026-2027", CancellationToken.None));
    }

    [Fact]
    public async Task A_coordinator_cannot_open_the_roster_page()
    {
        await using var app = await RunningApp.StartAsync();
        using var coordinator = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/");
        await coordinator.GetAsync(signIn);
        await coordinator.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Coordinator])]);

        await coordinator.GetAsync(new Uri(app.BaseAddress, "/hr/hires"));

        Assert.DoesNotContain("Upload a roster", coordinator.Html, StringComparison.Ordinal);
    }

    private static async Task<HttpForm> SignedInAsync(RunningApp app)
    {
        var hr = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/hr/hires");
        await hr.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await hr.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Hr])]));
        Assert.Contains("Upload a roster", hr.Html, StringComparison.Ordinal);
        return hr;
    }
}
