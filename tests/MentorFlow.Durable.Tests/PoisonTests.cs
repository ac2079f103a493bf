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
            .AddOrchestrator("Crashing", () => broken ? throw new InvalidOperationException($"cannot build orchestrator ({++crashes})") : new Done());
        var options = new OrchestrationWorkerOptions(MaxDispatchAttempts: 3, DispatchRetryDelay: TimeSpan.FromSeconds(10));
        using var engine = new Engine(registry, options);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Crashing");

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
        Assert.Contains(await engine.Client.GetOrchestrationHistoryAsync(id), e => e.EventType == EventType.ExecutionStarted);
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
        var options = new OrchestrationWorkerOptions(MaxDispatchAttempts: 2, LeaseDuration: TimeSpan.FromMinutes(1));
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

    [Fact]
    public async Task A_message_the_engine_cannot_read_holds_back_only_its_own_instance_and_says_why()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<object?, string>("Wait", (context, _) => context.WaitForExternalEvent<string>("Go"));
        using var engine = new Engine(registry);
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, new StartOrchestrationOptions("damaged"));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait", null, new StartOrchestrationOptions("healthy"));
        await engine.RunAsync();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={engine.DatabasePath}"))
        {
            // An event of a type this engine does not know, as a newer engine might write it; queued first.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO NewEvents (InstanceId, VisibleAt, EventType, Payload)
                VALUES ('damaged', 0, 'FromTheFuture', '{"$type":"FromTheFuture","Timestamp":"2026-09-01T08:00:00Z"}');
                """;
            command.ExecuteNonQuery();
        }

        await engine.Client.RaiseEventAsync("healthy", "Go", "done");
        await engine.RunAsync();

        Assert.Equal("done", (await engine.InstanceAsync("healthy")).ReadOutputAs<string>());
        var damaged = await engine.InstanceAsync("damaged");
        Assert.Equal(OrchestrationRuntimeStatus.Running, damaged.RuntimeStatus);
        Assert.Contains("cannot be read by this worker", (await engine.Store.GetInstanceAsync("damaged", default))!.WaitingReason, StringComparison.Ordinal);
    }

    private sealed class Done : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult("done");
    }
}
