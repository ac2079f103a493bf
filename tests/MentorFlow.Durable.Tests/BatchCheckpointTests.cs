using MentorFlow.Durable.Worker;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Tests;

public sealed class BatchCheckpointTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<object?, string>("Wait", (context, _) => context.WaitForExternalEvent<string>("Go"));

    private static async Task<Engine> TwoWaitingInstancesWithEventsAsync(OrchestrationWorkerOptions? options = null)
    {
        var engine = new Engine(Registry(), options);
        foreach (var id in new[] { "a", "b" })
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, new StartOrchestrationOptions(id));
        }

        await engine.RunAsync();
        await engine.Client.RaiseEventAsync("a", "Go", "a went");
        await engine.Client.RaiseEventAsync("b", "Go", "b went");
        return engine;
    }

    private static Checkpoint Complete(OrchestrationWorkItem item, string output) => new(
        DurableTask.Core.OrchestrationStatus.Completed, null, DurableJson.Serialize(output), null, item.Instance.ExecutionId,
        [new ExecutionCompletedEvent(-1, DurableJson.Serialize(output), DurableTask.Core.OrchestrationStatus.Completed) { Timestamp = Engine.Start.UtcDateTime }],
        [.. item.Messages.Select(m => m.SequenceNumber)], [], [], []);

    [Fact]
    public async Task A_batch_of_episodes_is_written_all_or_nothing_in_one_transaction()
    {
        using var engine = await TwoWaitingInstancesWithEventsAsync(new OrchestrationWorkerOptions(LeaseDuration: TimeSpan.FromMinutes(1)));
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        var items = await engine.Store.LockOrchestrationsAsync("batcher", now, TimeSpan.FromMinutes(1), 10, null, default);
        Assert.Equal(["a", "b"], items.Select(i => i.Instance.InstanceId).Order());

        // b's episode is broken (it rewrites history position 0), so the write fails after a's was applied.
        var a = items.Single(i => i.Instance.InstanceId == "a");
        var b = items.Single(i => i.Instance.InstanceId == "b");
        await Assert.ThrowsAsync<SqliteException>(() => engine.Store.CompleteOrchestrationsAsync(
            [new EpisodeCheckpoint(a, Complete(a, "forged a")), new EpisodeCheckpoint(b with { History = [], HistoryLength = 0 }, Complete(b, "forged b"))], now, default));

        // Nothing of the batch landed: a is still running with its event queued, and a real worker finishes both normally.
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("a")).RuntimeStatus);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal("a went", (await engine.InstanceAsync("a")).ReadOutputAs<string>());
        Assert.Equal("b went", (await engine.InstanceAsync("b")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_episode_whose_lease_was_lost_is_dropped_from_the_batch_and_the_others_are_written()
    {
        using var engine = await TwoWaitingInstancesWithEventsAsync();
        var now = engine.Clock.GetUtcNow().UtcDateTime;
        var items = await engine.Store.LockOrchestrationsAsync("slow-worker", now, TimeSpan.FromMinutes(1), 10, null, default);

        // The slow worker's lease runs out and another worker takes a (the oldest message) over.
        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var takenOver = await engine.Store.TryLockOrchestrationAsync("other-worker", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), default);
        Assert.Equal("a", takenOver!.Instance.InstanceId);

        var lost = await engine.Store.CompleteOrchestrationsAsync(
            [.. items.Select(item => new EpisodeCheckpoint(item, Complete(item, $"{item.Instance.InstanceId} by slow worker")))],
            engine.Clock.GetUtcNow().UtcDateTime, default);

        Assert.Equal(["a"], lost);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("a")).RuntimeStatus);
        Assert.Equal("b by slow worker", (await engine.InstanceAsync("b")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_worker_asked_for_one_item_processes_exactly_one_even_with_many_due()
    {
        using var engine = await TwoWaitingInstancesWithEventsAsync();

        Assert.Equal(1, await engine.Worker.ProcessDueAsync(1));
        Assert.Single(await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed])).ToListAsync());
        Assert.Equal(1, await engine.Worker.ProcessDueAsync(5));
        Assert.Equal(2, (await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed])).ToListAsync()).Count);
    }
}
