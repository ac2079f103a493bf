using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Hires;

public sealed class HireRosterApiTests
{
    private const string Roster = "/api/hires/demo-district/2026-2027";

    private static readonly string Pairings = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Hires", "hires-sample.csv"));

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task The_roster_is_saved_whole_beside_the_years_pairings_and_a_second_sending_replaces_it()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var imported = await http.PostAsync("/api/pairings/import", Csv(Pairings));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var none = await http.GetAsync(Roster);
        using var first = await http.PutAsync(Roster, Csv(Sample));
        using var second = await http.PutAsync(Roster, Csv(string.Join('\n', Sample.Split('\n').Take(2))));
        using var read = await http.GetAsync(Roster);

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sent = await RunningApp.JsonAsync(first);
        Assert.Equal(4, sent.GetProperty("hires").GetInt32());
        Assert.Equal(3, sent.GetProperty("nextYearAnswered").GetInt32());
        Assert.Equal(2, sent.GetProperty("employedNextYear").GetInt32());
        Assert.Empty(sent.GetProperty("menteesNotListed").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var latest = await RunningApp.JsonAsync(read);
        Assert.Equal(1, latest.GetProperty("hires").GetInt32());
        Assert.Equal(["E2002", "E2003"], latest.GetProperty("menteesNotListed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_by_line_and_column_and_the_roster_sent_before_is_kept()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var good = await http.PutAsync(Roster, Csv(Sample));
        var lines = Sample.TrimEnd().Split('\n').ToList();
        lines[2] = lines[2].Replace("2026-08-24", "24/08/2026", StringComparison.Ordinal); // line 3
        lines[3] = lines[3].Replace(",2,2027-01-11,", ",2,2027-01-11,maybe", StringComparison.Ordinal); // line 4
        lines.Add(lines[1]); // line 6: E2001 again
        lines.Add("E2009,Ada Late,Lincoln Elementary,Teacher,4,2027-08-01,"); // line 7

        using var bad = await http.PutAsync(Roster, Csv(string.Join('\n', lines)));
        using var read = await http.GetAsync(Roster);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(bad)).GetProperty("errors");
        Assert.Contains("YYYY-MM-DD", Message(errors, "line 3, hiredOn"), StringComparison.Ordinal);
        Assert.Contains("not yes or no", Message(errors, "line 4, employedNextYear"), StringComparison.Ordinal);
        Assert.Contains("also on line 2", Message(errors, "line 6, employeeId"), StringComparison.Ordinal);
        Assert.Contains("1, 2 or 3", Message(errors, "line 7, inductionYear"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(4, (await RunningApp.JsonAsync(read)).GetProperty("hires").GetInt32());
    }

    [Fact]
    public async Task A_hire_dated_outside_the_program_year_is_refused()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PutAsync(Roster, Csv(Sample.Replace("2027-01-11", "2027-09-01", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 2026-01-01 and 2027-06-30", Message((await RunningApp.JsonAsync(response)).GetProperty("errors"), "line 4, hiredOn"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/hires/nowhere/2026-2027", "districtId")]
    [InlineData("/api/hires/demo-district/2027-2026", "programYear")]
    public async Task A_district_or_year_not_served_here_is_refused(string route, string field)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PutAsync(route, Csv(Sample));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await RunningApp.JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_hr_sends_a_roster_and_only_as_csv()
    {
        await using var app = await RunningApp.StartAsync();
        using var coordinator = app.Client(StaffRole.Coordinator);
        using var hr = app.Client();

        using var refused = await coordinator.PutAsync(Roster, Csv(Sample));
        using var json = await hr.PutAsync(Roster, new StringContent("""{"hires":[]}""", Encoding.UTF8, "application/json"));
        using var read = await hr.GetAsync(Roster);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task The_district_report_counts_every_hire_and_the_mentees_still_employed_the_next_year()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var analyst = app.Client(StaffRole.Analyst);
        using var imported = await http.PostAsync("/api/pairings/import", Csv(Pairings));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await app.RunEngineAsync();

        using var before = await analyst.PostAsync("/api/reports/2026-2027/refresh", null);
        var unsent = await SummaryAsync(analyst);
        // Priya was hired four weeks before her mentor was assigned.
        using var sent = await http.PutAsync(Roster, Csv(Sample.Replace("Priya Raman,Lincoln Elementary,Teacher,1,2026-08-24", "Priya Raman,Lincoln Elementary,Teacher,1,2026-08-03", StringComparison.Ordinal)));
        using var after = await analyst.PostAsync("/api/reports/2026-2027/refresh", null);
        var figures = await SummaryAsync(analyst);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("", unsent["beginning_teachers_hired"]);
        Assert.Equal("", unsent["beginning_teachers_returning_next_year"]);
        Assert.Equal("4", figures["beginning_teachers_hired"]); // three mentees and one hire without a mentor
        Assert.Equal("3", figures["beginning_teachers_served"]);
        Assert.Equal("1", figures["beginning_teachers_returning_next_year"]); // E2001; E2004 was not a mentee
        Assert.Equal("1", figures["beginning_teachers_not_returning_next_year"]); // E2002; E2003 not known yet
        // Until HR sends hire dates, a pairing's first day stands in for its mentee's; the roster's dates then count.
        Assert.Equal("3", unsent["pairings_assigned_within_two_weeks"]);
        Assert.Equal("2", figures["pairings_assigned_within_two_weeks"]);
        using var district = await analyst.GetAsync("/api/reports/2026-2027/districts/demo-district.xlsx");
        using var workbook = new XLWorkbook(await district.Content.ReadAsStreamAsync());
        var names = workbook.Worksheet("Beginning teachers").Table("BeginningTeachers").DataRange.Rows().Select(r => r.Cell(2).GetString()).ToList();
        Assert.Contains("Omar Haddad", names);
        Assert.Equal(4, names.Count);
    }

    private static async Task<Dictionary<string, string>> SummaryAsync(HttpClient analyst)
    {
        using var district = await analyst.GetAsync("/api/reports/2026-2027/districts/demo-district.xlsx");
        Assert.Equal(HttpStatusCode.OK, district.StatusCode);
        using var workbook = new XLWorkbook(await district.Content.ReadAsStreamAsync());
        return workbook.Worksheet("Summary").Table("Figures").DataRange.Rows()
            .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(3).GetString(), StringComparer.Ordinal);
    }

    private static string Message(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var messages) ? messages[0].GetString()! : $"no error for '{field}' in {errors}";
}
