using System.Net;
using System.Text;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class PairingImportApiTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task The_sample_file_imports_and_a_second_import_reports_what_already_existed()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var first = await http.PostAsync("/api/pairings/import", Csv(Sample));
        using var second = await http.PostAsync("/api/pairings/import", Csv(Sample));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await RunningApp.JsonAsync(first);
        Assert.Equal(3, report.GetProperty("createdCount").GetInt32());
        Assert.Equal(0, report.GetProperty("existingCount").GetInt32());
        Assert.Equal([2, 3, 4], report.GetProperty("created").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        var again = await RunningApp.JsonAsync(second);
        Assert.Equal(0, again.GetProperty("createdCount").GetInt32());
        Assert.Equal(3, again.GetProperty("existingCount").GetInt32());
        var secondHalf = report.GetProperty("created")[2].GetProperty("pairingId").GetString();
        using var read = await http.GetAsync($"/api/pairings/{secondHalf}");
        Assert.Equal("SecondHalf", (await RunningApp.JsonAsync(read)).GetProperty("term").GetString());
    }

    [Fact]
    public async Task One_bad_row_is_reported_by_line_and_column_and_nothing_from_the_file_is_imported()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var lines = Sample.TrimEnd().Split('\n');
        lines[2] = lines[2].Replace("priya.raman@demo-district.example", "priya.raman", StringComparison.Ordinal); // line 3
        lines[3] = lines[3].Replace("2027-01-25", "25/01/2027", StringComparison.Ordinal); // line 4

        using var response = await http.PostAsync("/api/pairings/import", Csv(string.Join('\n', lines)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("not an email address", errors.GetProperty("line 3, menteeEmail")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("YYYY-MM-DD", errors.GetProperty("line 4, startsOn")[0].GetString(), StringComparison.Ordinal);
        var goodRow = PairingIds.For("demo-district", "2026-2027", "E2001", "E1001");
        using var read = await http.GetAsync($"/api/pairings/{goodRow}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("", "line 1", "the file is empty")]
    [InlineData("districtId,programYear\ndemo-district,2026-2027\n", "line 1", "has no 'school' column")]
    public async Task A_file_without_the_documented_header_is_refused(string csv, string field, string message)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PostAsync("/api/pairings/import", Csv(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(errors.GetProperty(field).EnumerateArray(), e => e.GetString()!.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_with_a_missing_comma_is_named_by_its_line()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var lines = Sample.TrimEnd().Split('\n');
        lines[1] = lines[1].Replace(",Lincoln Elementary,1,", ",Lincoln Elementary 1,", StringComparison.Ordinal);

        using var response = await http.PostAsync("/api/pairings/import", Csv(string.Join('\n', lines)));

        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains("22 values but the header has 23", errors.GetProperty("line 2")[0].GetString(), StringComparison.Ordinal);
    }
}
