using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests;

public sealed class InlineActivityTests
{
    private static readonly OrchestrationWorkerOptions Inline = new(InlineActivities: true);

    private static DurableTaskRegistry Registry(Func<int, bool>? failsOnAttempt = null)
    {
        var attempts = 0;
        return new DurableTaskRegistry()
            .AddActivityFunc<string, string>("SayHello", (_, name) =>
            {
                attempts++;
                return failsOnAttempt?.Invoke(attempts) == true ? throw new InvalidOperationException($"down (attempt {attempts})") : Task.FromResult($"Hello {name}");
            })
            .AddOrchestratorFunc<string[], string[]>("HelloThenWait", async (context, names) =>
            {
                var greetings = new List<string>();
                foreach (var name in names)
                {
                    greetings.Add(await context.CallActivityAsync<string>("SayHello", name, new TaskOptions(new RetryPolicy(3, TimeSpan.FromMinutes(1)))));
                }

                greetings.Add(await context.WaitForExternalEvent<string>("last"));
                greetings.Add(await context.CallActivityAsync<string>("SayHello", "again"));
                return [.. greetings];
            });
    }

    [Fact]
    public async Task Calls_run_in_the_episode_that_makes_them_and_write_the_history_queued_calls_write()
    {
        using var queued = new Engine(Registry());
        using var inline = new Engine(Registry(), Inline);
        var names = new[] { "Tokyo", "Seattle" };
        var queuedId = await queued.Client.ScheduleNewOrchestrationInstanceAsync("HelloThenWait", names, new StartOrchestrationOptions("same"));
        var inlineId = await inline.Client.ScheduleNewOrchestrationInstanceAsync("HelloThenWait", names, new StartOrchestrationOptions("same"));

        var queuedItems = await queued.RunAsync();
        var inlineItems = await inline.RunAsync();

        Assert.Equal(5, queuedItems); // three episodes, two activity calls
        Assert.Equal(1, inlineItems); // one episode did it all
        var queuedHistory = (await queued.Client.GetOrchestrationHistoryAsync(queuedId)).Select(e => e.EventType.ToString());
        var inlineHistory = (await inline.Client.GetOrchestrationHistoryAsync(inlineId)).Select(e => e.EventType.ToString());
        Assert.Equal(queuedHistory, inlineHistory);
        Assert.Equal("TaskCompleted", inlineHistory.Last(e => e.StartsWith("Task", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_history_written_inline_replays_on_a_worker_that_queues()
    {
        using var engine = new Engine(Registry(), Inline);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("HelloThenWait", new[] { "Tokyo" });
        await engine.RunAsync();
        var queuing = engine.NewWorker(engine.Registry, new OrchestrationWorkerOptions(ExtendedSessions: false));

        await engine.Client.RaiseEventAsync(id, "last", "Bye");
        await queuing.ProcessAllDueAsync();

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(["Hello Tokyo", "Bye", "Hello again"], instance.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task A_failing_inline_call_is_retried_after_its_durable_backoff_timer()
    {
        using var engine = new Engine(Registry(attempt => attempt == 1), Inline);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("HelloThenWait", new[] { "Tokyo" });
        await engine.RunAsync();
        Assert.Contains(await engine.Client.GetOrchestrationHistoryAsync(id), e => e.EventType == EventType.TaskFailed);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        await engine.Client.RaiseEventAsync(id, "last", "Bye");
        await engine.RunAsync();

        Assert.Equal(["Hello Tokyo", "Bye", "Hello again"], (await engine.InstanceAsync(id)).ReadOutputAs<string[]>()!);
    }
}
