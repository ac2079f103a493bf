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
    public async Task An_instance_leased_in_a_database_of_schema_2_keeps_its_lease_and_history_and_goes_on_after_the_upgrade()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<string, string>("Wait", async (context, input) =>
        {
            var first = await context.WaitForExternalEvent<string>("Go");
            await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
            return $"{input}, {first}, {await context.WaitForExternalEvent<string>("Go")}";
        });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", "started");
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Go", "one");
        await engine.RunAsync();
        var before = await engine.Store.GetHistoryAsync(id, CancellationToken.None);

        // Back to schema 2's shape: the same events, one row each, and the lease (of a worker that died) in the instance row.
        using (var connection = new SqliteConnection($"Data Source={engine.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE History (InstanceId TEXT NOT NULL, ExecutionId TEXT NOT NULL, SequenceNumber INTEGER NOT NULL,
                    EventType TEXT NOT NULL, Payload TEXT NOT NULL, PRIMARY KEY (InstanceId, ExecutionId, SequenceNumber));
                INSERT INTO History SELECT h.InstanceId, h.ExecutionId, h.FirstSequence + e.key, e.value ->> 'type', e.value
                FROM HistoryEpisodes h, json_each(h.Events) e;
                DROP TABLE HistoryEpisodes;
                DROP TABLE Leases;
                DROP TABLE PartitionLayout;
                DELETE FROM SchemaVersions WHERE Version > 2;
                UPDATE Instances SET LockedBy = 'gone-worker', LockExpiration = $expires, DispatchAttempts = 2;
                """;
            command.Parameters.AddWithValue("$expires", engine.Clock.GetUtcNow().AddSeconds(30).ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
            command.CommandText = "SELECT COUNT(*) FROM History;";
            Assert.Equal((long)before.Count, command.ExecuteScalar());
        }

        var upgraded = new SqliteOrchestrationStore(engine.DatabasePath);
        Assert.Equal(before, await upgraded.GetHistoryAsync(id, CancellationToken.None));
        Assert.Equal(2, (await upgraded.GetInstanceAsync(id, CancellationToken.None))!.DispatchAttempts);
        var client = new DurableTaskClient(upgraded, registry, engine.Clock);
        await client.RaiseEventAsync(id, "Go", "two");
        // A fresh worker has no live session: it replays the migrated history, once the dead worker's lease is over.
        var worker = new Worker.DurableTaskWorker(upgraded, registry, engine.Clock, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        Assert.Equal(0, await worker.ProcessAllDueAsync());
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotEqual(0, await worker.ProcessAllDueAsync());

        Assert.Equal("started, one, two", (await client.GetInstanceAsync(id))!.ReadOutputAs<string>());
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
