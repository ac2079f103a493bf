using System.Text;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Pairings;

public sealed class ImportCrashRecoveryTests
{
    private static readonly string Sample = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "functions", "MentorFlow.Functions", "Pairings", "pairings-sample.csv"));

    [Fact]
    public async Task Pairings_stored_by_an_import_cut_short_before_their_years_started_get_their_years_at_the_next_start()
    {
        var app = await RunningApp.StartAsync();
        string[] pairingIds;
        using (var hr = app.Client())
        {
            using var imported = await hr.PostAsync("/api/pairings/import", new StringContent(Sample, Encoding.UTF8, "text/csv"));
            imported.EnsureSuccessStatusCode();
            pairingIds = [.. (await RunningApp.JsonAsync(imported)).GetProperty("created").EnumerateArray().Select(r => r.GetProperty("pairingId").GetString()!)];
        }

        var root = await app.StopKeepingFolderAsync();
        // The state a crash between saving the records and starting the years leaves: the pairings stored, no year for any.
        SqlitePartitions.Delete(Path.Combine(root, "data", "engine.db"));
        await using var restarted = await RunningApp.StartAsync(root, _ => { });

        Assert.Equal(3, pairingIds.Length);
        foreach (var pairingId in pairingIds)
        {
            var year = await restarted.Engine.GetInstanceAsync(pairingId, getInputsAndOutputs: true);
            Assert.NotNull(year);
            Assert.Equal(Core.Year.PairingYearOrchestrator.Name, year.Name);
            Assert.Contains(pairingId, year.SerializedInput, StringComparison.Ordinal);
        }
    }
}
