using System.Net;
using System.Net.Http.Json;
using MentorFlow.Functions.Tests.Hosting;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class SeparationApiTests
{
    [Fact]
    public async Task Ending_a_pairing_records_the_separation_and_stops_its_year()
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var created = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString();
        await app.RunEngineAsync();

        using var ended = await http.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2027-03-12", reason = "MenteeLeftDistrict" });
        using var again = await http.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2027-03-12", reason = "MenteeLeftDistrict" });
        using var different = await http.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2027-04-01", reason = "Reassigned" });
        await app.RunEngineAsync();

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        using var read = await http.GetAsync($"/api/pairings/{id}");
        var view = await RunningApp.JsonAsync(read);
        Assert.Equal("MenteeLeftDistrict", view.GetProperty("separation").GetProperty("reason").GetString());
        Assert.Equal("Completed", view.GetProperty("yearStatus").GetString());
        Assert.Equal("Separated", view.GetProperty("outcome").GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("{\"endedOn\":\"2026-08-01\",\"reason\":\"Reassigned\"}", "endedOn", "cannot be before the pairing started")]
    [InlineData("{\"endedOn\":\"2027-03-12\",\"reason\":\"Retired\"}", "reason", "MenteeLeftDistrict")]
    [InlineData("{\"endedOn\":\"2027-03-12\",\"reason\":\"Other\"}", "note", "say why")]
    public async Task A_bad_separation_names_the_field_and_changes_nothing(string body, string field, string message)
    {
        await using var app = await RunningApp.StartAsync();
        using var http = app.Client();
        using var created = await http.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString();

        using var response = await http.PostAsync($"/api/pairings/{id}/end", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await RunningApp.JsonAsync(response)).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        using var read = await http.GetAsync($"/api/pairings/{id}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await RunningApp.JsonAsync(read)).GetProperty("separation").ValueKind);
    }
}
