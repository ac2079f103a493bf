using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests;

/// <summary>Extended sessions: a worker keeps orchestrators live between episodes instead of replaying them.</summary>
public sealed class ExtendedSessionTests
{
    // Adds what arrives (or 100 when a day passes without an event) four times, then returns the running totals.
    private static DurableTaskRegistry Registry(StartCounter starts) => new DurableTaskRegistry()
        .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
        .AddOrchestratorFunc<int, int[]>("Tally", async (context, seed) =>
        {
            starts.Count++;
            var totals = new List<int>();
            var total = seed;
            Task<int>? added = null; // a wait outlives a timer that won, so no event goes to a forgotten waiter
            for (var i = 0; i < 4; i++)
            {
                using var stop = new CancellationTokenSource();
                var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), stop.Token);
                added ??= context.WaitForExternalEvent<int>("Add");
                if (await Task.WhenAny(added, timer) == added)
                {
                    stop.Cancel();
                    total += await context.CallActivityAsync<int>("Double", await added);
                    added = null;
                }
                else
                {
                    total += 100;
                }

                totals.Add(total);
            }

            return [.. totals];
        });

    private static async Task<(int[] Output, List<string> History)> DriveAsync(Engine engine, OrchestrationWorker worker)
    {
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 1);
        await worker.ProcessAllDueAsync();
        await engine.Client.RaiseEventAsync(id, "Add", 5);
        await worker.ProcessAllDueAsync();
        engine.Clock.Advance(TimeSpan.FromDays(1));
        await worker.ProcessAllDueAsync();
        await engine.Client.RaiseEventAsync(id, "Add", 7);
        await worker.ProcessAllDueAsync();
        engine.Clock.Advance(TimeSpan.FromDays(1));
        await worker.ProcessAllDueAsync();
        var instance = await engine.InstanceAsync(id);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage} {instance.SerializedOutput}");
        var history = (await engine.Client.GetOrchestrationHistoryAsync(id)).Select(e => e.EventType.ToString()).ToList();
        return (instance.ReadOutputAs<int[]>()!, history);
    }

    [Fact]
    public async Task Episodes_continue_the_live_orchestrator_and_give_what_replay_gives()
    {
        var live = new StartCounter();
        using var withSessions = new Engine(Registry(live));
        var replayed = new StartCounter();
        using var withoutSessions = new Engine(Registry(replayed));

        var (liveOutput, liveHistory) = await DriveAsync(withSessions, withSessions.Worker);
        var (replayedOutput, replayedHistory) = await DriveAsync(
            withoutSessions, withoutSessions.NewWorker(withoutSessions.Registry, new OrchestrationWorkerOptions(ExtendedSessions: false)));

        Assert.Equal([11, 111, 125, 225], liveOutput);
        Assert.Equal(replayedOutput, liveOutput);
        Assert.Equal(replayedHistory, liveHistory);
        Assert.Equal(1, live.Count); // started once, never replayed
        Assert.True(replayed.Count > 5, $"without sessions every episode replays ({replayed.Count} starts)");
    }

    [Fact]
    public async Task A_history_the_worker_holds_is_not_read_again_when_leasing()
    {
        using var engine = new Engine(Registry(new StartCounter()));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 1);
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Add", 5);
        var stored = await engine.Client.GetOrchestrationHistoryAsync(id);
        var executionId = stored.OfType<ExecutionStartedEvent>().Single().OrchestrationInstance.ExecutionId;

        var held = await engine.Store.LockOrchestrationsAsync("w", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), 10,
            new HoldsEverything(id, executionId, stored.Count), default);

        var item = Assert.Single(held);
        Assert.Empty(item.History);
        Assert.Equal(stored.Count, item.HistoryLength);
        Assert.True(item.HistoryOmitted);
        Assert.Single(item.Messages);
    }

    [Fact]
    public async Task Late_messages_to_a_finished_instance_are_consumed_without_reading_its_history()
    {
        using var engine = new Engine(Registry(new StartCounter()));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 1);
        await engine.RunAsync();
        for (var day = 0; day < 4; day++)
        {
            await engine.AdvanceAsync(TimeSpan.FromDays(1));
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.InstanceAsync(id)).RuntimeStatus);
        await engine.Client.RaiseEventAsync(id, "Add", 9); // someone acts after the year is over

        var late = await engine.Store.LockOrchestrationsAsync("w", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), 10, null, default);
        var item = Assert.Single(late);
        Assert.Empty(item.History);
        Assert.True(item.HistoryLength > 0);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2)); // the lease runs out; a worker consumes the message

        var output = (await engine.InstanceAsync(id)).ReadOutputAs<int[]>()!;
        Assert.Equal([101, 201, 301, 401], output);
        Assert.Empty(await engine.Store.LockOrchestrationsAsync("w", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), 10, null, default));
    }

    [Fact]
    public async Task A_session_left_behind_when_another_worker_took_a_step_is_replayed_instead()
    {
        var starts = new StartCounter();
        using var engine = new Engine(Registry(starts));
        var other = engine.NewWorker(engine.Registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 1);
        await engine.RunAsync();

        await engine.Client.RaiseEventAsync(id, "Add", 5);
        await other.ProcessAllDueAsync(); // the first worker's session is now behind the stored history
        engine.Clock.Advance(TimeSpan.FromDays(1));
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Add", 7);
        await engine.RunAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(1));

        var output = (await engine.InstanceAsync(id)).ReadOutputAs<int[]>()!;
        Assert.Equal([11, 111, 125, 225], output);
        Assert.True(starts.Count >= 3, "both workers had to replay what they had not run themselves");
    }

    [Fact]
    public async Task A_session_the_cache_let_go_falls_back_to_replay()
    {
        var starts = new StartCounter();
        using var engine = new Engine(Registry(starts));
        var worker = engine.NewWorker(engine.Registry, new OrchestrationWorkerOptions(Sessions: new OrchestrationSessionCache(capacity: 1)));
        var first = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 1);
        var second = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Tally", 2);

        await worker.ProcessAllDueAsync();
        for (var day = 0; day < 4; day++)
        {
            engine.Clock.Advance(TimeSpan.FromDays(1));
            await worker.ProcessAllDueAsync();
        }

        var firstOutput = (await engine.InstanceAsync(first)).ReadOutputAs<int[]>()!;
        var secondOutput = (await engine.InstanceAsync(second)).ReadOutputAs<int[]>()!;
        Assert.Equal([101, 201, 301, 401], firstOutput);
        Assert.Equal([102, 202, 302, 402], secondOutput);
    }

    private sealed class StartCounter
    {
        public int Count { get; set; }
    }

    private sealed class HoldsEverything(string instanceId, string executionId, int length) : IKnownHistories
    {
        public bool Holds(string id, string execution, int historyLength) => id == instanceId && execution == executionId && historyLength == length;
    }
}
