using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class SeparationWindowTests
{
    [Theory]
    [InlineData("2031-01-01")]
    [InlineData("2027-08-15")] // the day after the year's end (2027-06-15) plus a 60-day extension
    public async Task An_end_date_after_the_pairings_program_year_names_endedOn_and_changes_nothing(string endedOn)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var created = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString();
        await app.RunEngineAsync();

        using var ended = await http.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn, reason = "MenteeLeftDistrict" });

        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
        Assert.Equal("application/problem+json", ended.Content.Headers.ContentType?.MediaType);
        var errors = (await RunningApp.JsonAsync(ended)).GetProperty("errors");
        Assert.Contains("2026-2027 program year", errors.GetProperty("endedOn")[0].GetString(), StringComparison.Ordinal);
        using var read = await http.GetAsync($"/api/pairings/{id}");
        var view = await RunningApp.JsonAsync(read);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("separation").ValueKind);
        Assert.NotEqual("Completed", view.GetProperty("yearStatus").GetString());
    }

    [Fact]
    public async Task An_end_date_in_the_summer_extension_is_accepted()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var created = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString();
        await app.RunEngineAsync();

        using var ended = await http.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2027-08-14", reason = "Reassigned" });

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
    }
}
