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
        var client = new DurableTaskClient(reopened, registry, engine.Clock);
        await client.RaiseEventAsync(id, "Go", "after restart");
        await new Worker.DurableTaskWorker(reopened, registry, engine.Clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .ProcessAllDueAsync();

        Assert.Equal("after restart", (await client.GetInstanceAsync(id))!.ReadOutputAs<string>());
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
