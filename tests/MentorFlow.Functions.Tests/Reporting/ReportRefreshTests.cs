using System.Net;
using ClosedXML.Excel;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Confidentiality;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Reporting;

public sealed class ReportRefreshTests
{
    private const string Marker = "NOTE-MARKER-5c1e9";
    private const string ReasonMarker = "REASON-MARKER-8a0f3";

    [Fact]
    public async Task A_refresh_writes_the_workbooks_and_documents_and_no_note_reaches_any_of_them()
    {
        await using var app = await RunningApp.StartAsync();
        var id = await StepPages.StartPairingAsync(app);
        await using var browser = await Browser.LaunchAsync();
        await StepPages.SignPlanAsync(app, browser);
        await StepPages.ScheduleAsync(app, browser);
        var mentor = await browser.PhoneAsync();
        await mentor.GotoAsync(app.EmailedLink("MeetingInvite", "Mentor").ToString());
        await mentor.CheckAsync("#Log_OutsideContractDay");
        await mentor.FillAsync("#Log_PrivateNotes", $"Private: {Marker}");
        await mentor.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
        // The mentee disputes it: the reason is the pair's, like the notes.
        var mentee = await browser.PhoneAsync();
        await mentee.GotoAsync(app.EmailedLink("MeetingInvite", "Mentee").ToString());
        await mentee.CheckAsync("input[type=radio][value=Disputed]");
        await mentee.FillAsync("input[name^='Reason[']", $"Not right: {ReasonMarker}");
        await mentee.ClickAsync("button[type=submit]");
        await app.RunEngineAsync();
        using var analyst = app.Client(StaffRole.Analyst);

        using var missing = await analyst.GetAsync("/api/reports/2026-2027/state.xlsx");
        using var refreshed = await analyst.PostAsync("/api/reports/2026-2027/refresh", null);
        using var district = await analyst.GetAsync("/api/reports/2026-2027/districts/demo-district.xlsx");
        using var state = await analyst.GetAsync("/api/reports/2026-2027/state.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("POST /api/reports/2026-2027/refresh", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        using (var workbook = new XLWorkbook(await district.Content.ReadAsStreamAsync()))
        {
            var pairings = workbook.Worksheet("Pairings").Table("Pairings").DataRange;
            Assert.Equal(1, pairings.RowCount());
            Assert.Equal(id, pairings.Row(1).Cell(1).GetString());
            Assert.Equal(1, workbook.Worksheet("Meetings by week").Table("MeetingsByWeek").DataRange.Row(1).Cell(2).GetValue<int>());
            Assert.Equal("Sam Okafor", workbook.Worksheet("Beginning teachers").Cell(2, 2).GetString());
        }

        using var manifest = await analyst.GetAsync("/api/reports/2026-2027/powerbi/manifest.json");
        var tables = (await RunningApp.JsonAsync(manifest)).GetProperty("tables").EnumerateArray().ToList();
        // Published Power BI files are suppressed aggregates only: the row-level tables stay in the district's own folder.
        Assert.Equal(["dim_district", "dim_figure", "fact_published_figure"], tables.Select(t => t.GetProperty("table").GetString()).Order());
        var figures = tables.Single(t => t.GetProperty("table").GetString() == "fact_published_figure");
        using var parquet = await analyst.GetAsync($"/api/reports/2026-2027/powerbi/{figures.GetProperty("parquet").GetString()}");
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString((await parquet.Content.ReadAsByteArrayAsync())[..4]));
        using var unlisted = await analyst.GetAsync("/api/reports/2026-2027/powerbi/..%2F..%2Fdata%2Fstaff-keys.json");
        Assert.Equal(HttpStatusCode.NotFound, unlisted.StatusCode);

        // Every file the refresh produced, read as any reader could (workbooks unzipped, Parquet values decoded), is free of the note.
        var files = Directory.GetFiles(Path.Combine(app.Root, "reports"), "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("statewide.json", StringComparison.Ordinal));
        Assert.Empty(await new NoteSearch([], [Marker, ReasonMarker]).FindInAsync(files));

        // Nor does the coordinator's page for the pairing, the dashboard, its CSV or the pairing's API view.
        using var coordinator = app.Client(StaffRole.Coordinator);
        foreach (var path in new[] { $"/coordinator/pairings/{id}", "/coordinator", "/coordinator/pairings.csv", $"/api/pairings/{id}" })
        {
            using var response = await coordinator.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ReasonMarker, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_program_year_that_is_not_one_is_refused_with_how_to_write_it()
    {
        await using var app = await RunningApp.StartAsync();
        using var analyst = app.Client(StaffRole.Analyst);

        using var response = await analyst.PostAsync("/api/reports/2026/refresh", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("like 2026-2027", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
