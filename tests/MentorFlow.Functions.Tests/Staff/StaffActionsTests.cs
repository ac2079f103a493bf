using System.Net.Http.Json;
using System.Text;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Wording;
using MentorFlow.Functions.StaffActions;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Functions.Tests.Pairings;
using MentorFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Functions.Tests.Staff;

public sealed class StaffActionsTests
{
    [Fact]
    public async Task Starting_importing_and_ending_pairings_are_kept_with_who_did_them_and_when()
    {
        await using var app = await RunningApp.StartAsync();
        using var hr = app.Client();
        using var created = await hr.PostAsJsonAsync("/api/pairings", PairingRequests.Valid());
        var id = (await RunningApp.JsonAsync(created)).GetProperty("pairingId").GetString()!;
        var sample = File.ReadAllText(RepositoryRoot.Combine("functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));
        using var imported = await hr.PostAsync("/api/pairings/import", new StringContent(sample, Encoding.UTF8, "text/csv"));
        var importedIds = (await RunningApp.JsonAsync(imported)).GetProperty("created").EnumerateArray().Select(r => r.GetProperty("pairingId").GetString()!).ToList();
        using var ended = await hr.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2026-10-12", reason = "Other", note = "Moved to another school's program." });
        using var again = await hr.PostAsJsonAsync($"/api/pairings/{id}/end", new { endedOn = "2026-10-12", reason = "Other", note = "Moved to another school's program." });
        var log = app.Services.GetRequiredService<IStaffActionLog>();

        var actions = await log.ListAsync(id, CancellationToken.None);

        Assert.Equal(2, importedIds.Count); // the first row of the file is the pairing started above
        Assert.Equal(
            [("Hr", StaffActionLogging.Started, null), ("Hr", $"Ended the pairing on 12 October 2026: {ProgramWords.Of(SeparationReason.Other)}", "Moved to another school's program.")],
            actions.Select(a => (a.Who, a.What, a.Reason)));
        Assert.All(actions, a => Assert.Equal(new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc), a.At)); // the app's clock
        foreach (var other in importedIds)
        {
            Assert.Equal(StaffActionLogging.Imported, Assert.Single(await log.ListAsync(other, CancellationToken.None)).What);
        }
    }
}
