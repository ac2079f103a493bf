using System.Net;
using System.Text;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class MalformedCsvImportTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    [Theory]
    [InlineData("Priya Raman", "Priya \"Pree\" Raman", "a quote inside a value")] // a stray quote
    [InlineData("Priya Raman", "\"Priya Raman", "never closed")] // an unterminated quote
    [InlineData("Priya Raman", "\"Priya\" Raman", "text after its closing quote")]
    public async Task A_broken_quote_is_reported_by_line_and_column_nothing_is_imported_and_the_logs_carry_no_name(string name, string broken, string message)
    {
        await using var app = await RunningApp.StartAsync();
        var logs = LogCapture.Start(app);
        using var http = app.Client();
        var lines = Sample.TrimEnd().Split('\n');
        lines[2] = lines[2].Replace(name, broken, StringComparison.Ordinal); // line 3, menteeName

        using var response = await http.PostAsync("/api/pairings/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("line 3, menteeName")[0].GetString(), StringComparison.Ordinal);
        var goodRow = PairingIds.For("demo-district", "2026-2027", "E2001", "E1001");
        using var read = await http.GetAsync($"/api/pairings/{goodRow}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Priya", StringComparison.Ordinal) || l.Contains("Okafor", StringComparison.Ordinal)
            || l.Contains("@demo-district.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quoted_values_with_commas_and_doubled_quotes_still_import()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var lines = Sample.TrimEnd().Split('\n');
        lines[1] = lines[1].Replace("Sam Okafor", "\"Okafor, Sam \"\"Sammy\"\"\"", StringComparison.Ordinal);

        using var response = await http.PostAsync("/api/pairings/import", new StringContent(string.Join("\r\n", lines) + "\r\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pairing = PairingIds.For("demo-district", "2026-2027", "E2001", "E1001");
        using var read = await http.GetAsync($"/api/pairings/{pairing}");
        Assert.Equal("Okafor, Sam \"Sammy\"", (await RunningApp.JsonAsync(read)).GetProperty("mentee").GetProperty("name").GetString());
    }
}
