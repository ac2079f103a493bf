using MentorFlow.Durable.Client;
using MentorFlow.Durable.Partitions;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Durable.Tests.Partitions;

public sealed class PartitionedStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-partitions-");
    private readonly FakeTimeProvider _clock = new(Engine.Start);

    private string DatabasePath => Path.Combine(_folder.FullName, "engine.db");

    [Fact]
    public void An_instance_s_partition_follows_from_its_id_alone_the_same_in_every_process()
    {
        // Fixed values: a changed hash would send existing instances' work to the wrong file.
        Assert.Equal(1, PartitionKey.Of("pairing-00001", 2));
        Assert.Equal(0, PartitionKey.Of("pairing-00002", 2));
        Assert.Equal(2, PartitionKey.Of("pairing-00001", 3));
        Assert.Equal(0, PartitionKey.Of("anything", 1));
    }

    [Fact]
    public async Task Instances_spread_over_both_partitions_and_two_workers_finish_them_all()
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddOrchestratorFunc<int, int>("Square twice", async (context, n) =>
                await context.CallActivityAsync<int>("Square", await context.CallActivityAsync<int>("Square", n)));
        var store = SqlitePartitions.Open(DatabasePath, 2);
        var client = new OrchestrationStoreClient(store, _clock);
        var ids = Enumerable.Range(1, 40).Select(i => $"square-{i:D2}").ToList();
        await Task.WhenAll(ids.Select((id, i) => client.ScheduleNewOrchestrationInstanceAsync("Square twice", i + 1, new StartOrchestrationOptions(id))));

        var workers = Enumerable.Range(0, 2).Select(_ => Engine.NewWorker(store, _clock, registry)).ToList();
        await Task.WhenAll(workers.Select(worker => Task.Run(() => worker.ProcessAllDueAsync())));

        for (var i = 0; i < ids.Count; i++)
        {
            var instance = await client.GetInstanceAsync(ids[i], getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal((int)Math.Pow(i + 1, 4), instance.ReadOutputAs<int>());
            Assert.NotNull(await store.Partitions[PartitionKey.Of(ids[i], 2)].GetInstanceAsync(ids[i], default));
            Assert.Null(await store.Partitions[1 - PartitionKey.Of(ids[i], 2)].GetInstanceAsync(ids[i], default));
        }

        Assert.All(store.Partitions, partition => Assert.NotEmpty(partition.QueryInstancesAsync(new InstanceQuery(), default).Result.Instances));
        Assert.True(File.Exists(SqlitePartitions.FileOf(DatabasePath, 1)));
    }

    [Fact]
    public async Task A_sub_orchestration_in_the_other_partition_runs_and_its_result_reaches_its_parent()
    {
        const string parentId = "parent", childId = "a"; // partitions 1 and 0
        Assert.NotEqual(PartitionKey.Of(parentId, 2), PartitionKey.Of(childId, 2));
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestratorFunc<int, int>("Parent", async (context, n) =>
                await context.CallSubOrchestratorAsync<int>("Double", n, new SubOrchestrationOptions { InstanceId = childId }) + 1);
        var store = SqlitePartitions.Open(DatabasePath, 2);
        var client = new OrchestrationStoreClient(store, _clock);
        await client.ScheduleNewOrchestrationInstanceAsync("Parent", 20, new StartOrchestrationOptions(parentId));

        await Engine.NewWorker(store, _clock, registry).ProcessAllDueAsync();

        Assert.Equal(41, (await client.GetInstanceAsync(parentId, getInputsAndOutputs: true))!.ReadOutputAs<int>());
        var child = await store.Partitions[PartitionKey.Of(childId, 2)].GetInstanceAsync(childId, default);
        Assert.Equal(DurableTask.Core.OrchestrationStatus.Completed, child!.Status);
    }

    [Fact]
    public async Task A_batch_of_events_across_partitions_with_one_unknown_instance_queues_none_of_them()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string?, string>("Wait", async (context, _) => await context.WaitForExternalEvent<string>("go"));
        var store = SqlitePartitions.Open(DatabasePath, 2);
        var client = new OrchestrationStoreClient(store, _clock);
        var worker = Engine.NewWorker(store, _clock, registry);
        foreach (var id in new[] { "a", "b" }) // partitions 0 and 1
        {
            await client.ScheduleNewOrchestrationInstanceAsync("Wait", null, new StartOrchestrationOptions(id));
        }

        await worker.ProcessAllDueAsync();

        var now = _clock.GetUtcNow().UtcDateTime;
        var missing = await store.EnqueueMessagesAsync(
            [Engine.Raised("a", "go", "too early", now), Engine.Raised("b", "go", "too early", now), Engine.Raised("nobody", "go", "x", now)], default);
        Assert.Equal(["nobody"], missing);
        await Task.WhenAll(client.RaiseEventAsync("a", "go", "on time"), client.RaiseEventAsync("b", "go", "on time"));
        await worker.ProcessAllDueAsync();

        Assert.Equal("on time", (await client.GetInstanceAsync("a", getInputsAndOutputs: true))!.ReadOutputAs<string>());
        Assert.Equal("on time", (await client.GetInstanceAsync("b", getInputsAndOutputs: true))!.ReadOutputAs<string>());
        Assert.Equal(["nobody"], await store.FindMissingInstancesAsync(["a", "nobody", "b", "nobody"], default));
    }

    [Fact]
    public async Task Pages_of_instances_from_all_partitions_come_oldest_first_without_gaps_or_repeats()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n));
        var store = SqlitePartitions.Open(DatabasePath, 3);
        var client = new OrchestrationStoreClient(store, _clock);
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            // Pairs created in the same millisecond too: the id breaks the tie.
            created.Add(await client.ScheduleNewOrchestrationInstanceAsync("Echo", i, new StartOrchestrationOptions($"echo-{24 - i:D2}")));
            _clock.Advance(TimeSpan.FromMilliseconds(i % 2));
        }

        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await client.GetAllInstancesAsync(new OrchestrationQuery(PageSize: 4, ContinuationToken: token)).AsPages().FirstAsync();
            Assert.True(page.Values.Count <= 4);
            paged.AddRange(page.Values.Select(instance => instance.InstanceId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        var expected = created.Select((id, i) => (id, at: Enumerable.Range(0, i).Sum(k => k % 2)))
            .OrderBy(x => x.at).ThenBy(x => x.id, StringComparer.Ordinal).Select(x => x.id).ToList();
        Assert.Equal(expected, paged);
        Assert.All(Enumerable.Range(0, 3), p => Assert.Contains(created, id => PartitionKey.Of(id, 3) == p));
    }

    [Fact]
    public async Task The_partition_count_is_fixed_when_the_store_is_created_and_an_older_single_file_stays_one_partition()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("Echo", (_, n) => Task.FromResult(n));
        var created = SqlitePartitions.Open(DatabasePath, 3);
        var ids = Enumerable.Range(0, 9).Select(i => $"echo-{i}").ToList();
        var client = new OrchestrationStoreClient(created, _clock);
        await Task.WhenAll(ids.Select(id => client.ScheduleNewOrchestrationInstanceAsync("Echo", 1, new StartOrchestrationOptions(id))));

        var reopened = SqlitePartitions.Open(DatabasePath, 2);

        Assert.Equal(3, reopened.Partitions.Count);
        Assert.All(ids, id => Assert.NotNull(reopened.GetInstanceAsync(id, default).Result));
        var wrongFirst = Assert.Throws<InvalidOperationException>(() => SqlitePartitions.Open(SqlitePartitions.FileOf(DatabasePath, 1)));
        Assert.Contains("not its first file", wrongFirst.Message, StringComparison.Ordinal);

        var older = Path.Combine(_folder.FullName, "older.db");
        await new SqliteOrchestrationStore(older).TryCreateInstancesAsync([Engine.NewInstance("kept", "Echo", 1, Engine.Start.UtcDateTime)], Engine.Start.UtcDateTime, default);
        var upgraded = SqlitePartitions.Open(older, 2);
        Assert.Single(upgraded.Partitions);
        Assert.NotNull(await upgraded.GetInstanceAsync("kept", default));
        Assert.False(File.Exists(SqlitePartitions.FileOf(older, 1)));
    }

    [Fact]
    public void Deleting_a_store_removes_all_its_files_and_nothing_else()
    {
        SqlitePartitions.Open(DatabasePath, 3);
        File.WriteAllText(Path.Combine(_folder.FullName, "engine-notes.txt"), "kept");
        File.WriteAllText(Path.Combine(_folder.FullName, "engine.px.db"), "kept");
        SqliteConnection.ClearAllPools();

        SqlitePartitions.Delete(DatabasePath);

        Assert.Equal(["engine-notes.txt", "engine.px.db"], _folder.EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
