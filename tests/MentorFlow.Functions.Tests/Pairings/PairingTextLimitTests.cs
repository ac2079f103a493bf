using System.Net;
using System.Text;
using MentorFlow.Functions.Pairings;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class PairingTextLimitTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    public static TheoryData<string, string, string> TooLongOrControl => new()
    {
        { "\"Maria Alvarez\"", $"\"{new string('M', 10_000)}\"", "at most 200 characters" },
        { "\"Maria Alvarez\"", "\"Maria\\u0000Alvarez\"", "control characters" },
        { "\"Maria Alvarez\"", "\"Maria\\nAlvarez\"", "control characters" },
        { "\"Maria Alvarez\"", "\"Maria\\u001BAlvarez\"", "control characters" },
    };

    [Theory]
    [MemberData(nameof(TooLongOrControl))]
    public async Task A_mentor_name_too_long_or_with_control_characters_is_refused_naming_the_field(string name, string bad, string message)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PostAsync("/api/pairings",
            new StringContent(PairingRequests.ValidJson(j => j.Replace(name, bad, StringComparison.Ordinal)), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("mentor.name")[0].GetString(), StringComparison.Ordinal);
        using var read = await http.GetAsync($"/api/pairings/{PairingIds.For("demo-district", "2026-2027", "E2001", "E1001")}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_name_of_200_characters_is_accepted()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();

        using var response = await http.PostAsync("/api/pairings", new StringContent(
            PairingRequests.ValidJson(j => j.Replace("\"Sam Okafor\"", $"\"{new string('S', 200)}\"", StringComparison.Ordinal)), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("Priya Raman", "Priya Raman\tx", "control characters")]
    [InlineData("Priya Raman", "\"Priya\nRaman\"", "control characters")]
    [InlineData("Priya Raman", "PRIYA-LONG", "at most 200 characters")]
    public async Task A_csv_name_too_long_or_with_control_characters_is_reported_by_line_and_column(string name, string bad, string message)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        var lines = Sample.TrimEnd().Split('\n');
        lines[2] = lines[2].Replace(name, bad == "PRIYA-LONG" ? new string('P', 10_000) : bad, StringComparison.Ordinal); // line 3

        using var response = await http.PostAsync("/api/pairings/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("line 3, menteeName")[0].GetString(), StringComparison.Ordinal);
        using var read = await http.GetAsync($"/api/pairings/{PairingIds.For("demo-district", "2026-2027", "E2001", "E1001")}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
