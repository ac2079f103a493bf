using System.Net;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Reporting;

/// <summary>An analyst signed in in a browser sees each year's files with when they were written, refreshes one, and downloads with the same session.</summary>
public sealed class ReportsPageTests
{
    [Fact]
    public async Task A_signed_in_analyst_refreshes_a_year_on_the_reports_page_and_downloads_its_workbook_with_the_browser_session()
    {
        await using var app = await RunningApp.StartAsync();
        await StepPages.StartPairingAsync(app);
        using var analyst = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/reports");
        await analyst.GetAsync(signIn);
        Assert.Equal(HttpStatusCode.OK, await analyst.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Analyst])]));
        Assert.Contains("<h1>Reports</h1>", analyst.Html, StringComparison.Ordinal);
        Assert.Contains("not written yet", analyst.Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await analyst.PostAsync(new Uri(app.BaseAddress, "/reports"), [new("programYear", "2026-2027")]));

        Assert.Contains("The 2026-2027 reports were written just now.", analyst.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("not written yet", analyst.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/reports/2026-2027/state.xlsx\"", analyst.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await analyst.GetAsync(new Uri(app.BaseAddress, "/api/reports/2026-2027/districts/demo-district.xlsx")));
    }

    [Fact]
    public async Task Hr_signed_in_is_turned_away_from_the_reports_page_and_its_files_with_a_403_not_the_sign_in_page()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = new HttpForm();
        var signIn = new Uri(app.BaseAddress, "/staff/sign-in?ReturnUrl=/");
        await hr.GetAsync(signIn);
        await hr.PostAsync(signIn, [new("Key", RunningApp.Keys[StaffRole.Hr])]);

        await hr.GetAsync(new Uri(app.BaseAddress, "/reports"));
        Assert.DoesNotContain("<h1>Reports</h1>", hr.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, await hr.GetAsync(new Uri(app.BaseAddress, "/api/reports/2026-2027/state.xlsx")));
        Assert.Contains("Not for your role", hr.Html, StringComparison.Ordinal);
    }
}
