using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests;

public sealed class LeaseTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<object?, string>("Simple", (_, _) => Task.FromResult("done"));

    [Fact]
    public async Task A_leased_instance_is_not_run_by_another_worker_until_the_lease_expires_and_nothing_is_lost()
    {
        var options = new OrchestrationWorkerOptions(LeaseDuration: TimeSpan.FromMinutes(2));
        using var engine = new Engine(Registry(), options);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Simple");

        // A worker takes the episode and is killed before its checkpoint.
        var killed = await engine.Store.TryLockOrchestrationAsync("killed-worker", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), default);
        Assert.NotNull(killed);

        Assert.Equal(0, await engine.RunAsync());
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("done", (await engine.InstanceAsync(id)).ReadOutputAs<string>());

        // The killed worker's late checkpoint is refused.
        var stale = new Checkpoint(DurableTask.Core.OrchestrationStatus.Failed, null, null, null, killed.Instance.ExecutionId, [], [], [], [], []);
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            engine.Store.CompleteOrchestrationAsync(killed, stale, engine.Clock.GetUtcNow().UtcDateTime, default));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.InstanceAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task Two_workers_draining_one_database_concurrently_complete_every_instance_once()
    {
        var runs = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<string, string>("Count", (context, input) =>
            {
                runs.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
                return Task.FromResult(input);
            })
            .AddOrchestratorFunc<string, string>("Once", (context, input) => context.CallActivityAsync<string>("Count", input));
        using var engine = new Engine(registry);
        for (var i = 0; i < 40; i++)
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("Once", $"pairing-{i}", new StartOrchestrationOptions($"pairing-{i}"));
        }

        var second = engine.NewWorker(registry);
        await Task.WhenAll(Task.Run(() => engine.Worker.ProcessAllDueAsync()), Task.Run(() => second.ProcessAllDueAsync()));
        await engine.RunAsync();

        var all = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(FetchInputsAndOutputs: true)).ToListAsync();
        Assert.Equal(40, all.Count);
        Assert.All(all, instance => Assert.Equal(instance.InstanceId, instance.ReadOutputAs<string>()));
        Assert.All(runs.Values, count => Assert.Equal(1, count));
    }
}
