using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests;

public sealed class PoisonTests
{
    [Fact]
    public async Task A_dispatch_that_keeps_crashing_is_parked_and_the_instance_fails_with_the_reason()
    {
        var crashes = 0;
        var broken = false;
        var registry = new DurableTaskRegistry()
            .AddOrchestrator("Crashing", "1", () => broken ? throw new InvalidOperationException($"cannot build orchestrator ({++crashes})") : new Done());
        var options = new DurableTaskWorkerOptions(MaxDispatchAttempts: 3, DispatchRetryDelay: TimeSpan.FromSeconds(10));
        using var engine = new Engine(registry, options);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Crashing", options: new StartOrchestrationOptions(Version: "1"));

        broken = true; // e.g. a bad deployment: every dispatch of this instance now crashes
        await engine.RunAsync();
        for (var i = 0; i < 5; i++)
        {
            await engine.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(3, crashes); // bounded: no endless loop
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Equal("PoisonMessage", instance.FailureDetails!.ErrorType);
        Assert.Contains("cannot build orchestrator (3)", instance.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(await engine.Client.GetOrchestrationHistoryAsync(id), e => e.EventType == "ExecutionStarted");
    }

    [Fact]
    public async Task An_activity_whose_worker_keeps_dying_is_parked_as_a_task_failure()
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<object?, int>("Work", (_, _) => Task.FromResult(1))
            .AddOrchestratorFunc<object?, string>("Caller", async (context, _) =>
            {
                try
                {
                    return $"done {await context.CallActivityAsync<int>("Work")}";
                }
                catch (TaskFailedException ex)
                {
                    return ex.FailureDetails.ErrorType;
                }
            });
        var options = new DurableTaskWorkerOptions(MaxDispatchAttempts: 2, LeaseDuration: TimeSpan.FromMinutes(1));
        using var engine = new Engine(registry, options);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Caller");
        await engine.Worker.ProcessDueAsync(1); // the episode that schedules the activity

        // Two workers lease the activity and die before finishing it.
        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull(await engine.Store.TryLockActivityAsync($"doomed-{i}", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), default));
            engine.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await engine.RunAsync();

        Assert.Equal("PoisonMessage", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    private sealed class Done : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult("done");
    }
}
