using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Tests;

public sealed class SqliteStorageTests
{
    [Fact]
    public async Task The_database_is_in_WAL_mode_at_the_current_schema_and_survives_a_reopen()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<string, string>("Wait", (context, _) => context.WaitForExternalEvent<string>("Go"));
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        await engine.RunAsync();

        using (var connection = new SqliteConnection($"Data Source={engine.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", command.ExecuteScalar());
            command.CommandText = "SELECT MAX(Version) FROM SchemaVersions;";
            Assert.Equal((long)SqliteSchema.CurrentVersion, command.ExecuteScalar());
        }

        // A new process opening the same file (migration is idempotent) sees the instance and goes on.
        var reopened = new SqliteOrchestrationStore(engine.DatabasePath);
        var client = new OrchestrationStoreClient(reopened, engine.Clock);
        await client.RaiseEventAsync(id, "Go", "after restart");
        await Engine.NewWorker(reopened, engine.Clock, registry).ProcessAllDueAsync();

        Assert.Equal("after restart", (await client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_database_of_the_first_engine_holding_orchestrations_is_refused_with_what_to_do_and_an_empty_one_is_upgraded()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<string, string>("Wait", (context, _) => context.WaitForExternalEvent<string>("Go"));
        using var engine = new Engine(registry);
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "started");
        await engine.RunAsync();
        BackToFirstEngine(engine.DatabasePath);

        var refused = Assert.Throws<InvalidOperationException>(() => new SqliteOrchestrationStore(engine.DatabasePath));
        Assert.Contains("first engine (schema 5)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("move the data folder aside", refused.Message, StringComparison.Ordinal);

        using var empty = new Engine(registry);
        BackToFirstEngine(empty.DatabasePath);
        var upgraded = new SqliteOrchestrationStore(empty.DatabasePath);
        var id = await new OrchestrationStoreClient(upgraded, empty.Clock).ScheduleNewOrchestrationInstanceAsync("Wait", "x");
        Assert.NotNull(await upgraded.GetInstanceAsync(id, default));
    }

    // The schema the first engine left: every step up to partitions, no record of DurableTask.Core's histories.
    private static void BackToFirstEngine(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE HistoryFormat; DELETE FROM SchemaVersions WHERE Version > 5;";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_database_from_a_newer_engine_is_refused_with_what_to_do()
    {
        using var engine = new Engine(new DurableTaskRegistry());
        using (var connection = new SqliteConnection($"Data Source={engine.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO SchemaVersions (Version, AppliedAt) VALUES (999, 'future');";
            command.ExecuteNonQuery();
        }

        var refused = Assert.Throws<InvalidOperationException>(() => new SqliteOrchestrationStore(engine.DatabasePath));
        Assert.Contains("run a newer MentorFlow", refused.Message, StringComparison.Ordinal);
    }
}
