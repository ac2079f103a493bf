using System.Net;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Reporting;

public sealed class ProgramYearRefreshTests
{
    [Theory]
    [InlineData("0000-0001")]
    [InlineData("2027-2026")]
    [InlineData("2026-2028")]
    [InlineData("1999-2000")]
    [InlineData("9998-9999")]
    public async Task A_program_year_no_district_could_run_is_refused_and_no_file_is_written(string programYear)
    {
        await using var app = await RunningApp.StartAsync();
        using var analyst = app.Client(StaffRole.Analyst);

        using var response = await analyst.PostAsync($"/api/reports/{programYear}/refresh", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("two consecutive years", errors.GetProperty("programYear")[0].GetString(), StringComparison.Ordinal);
        var reports = Path.Combine(app.Root, "reports");
        Assert.False(Directory.Exists(reports) && Directory.EnumerateFiles(reports, "*", SearchOption.AllDirectories).Any(),
            "the refused refresh wrote files");
    }
}
