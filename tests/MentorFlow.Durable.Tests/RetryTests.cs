namespace MentorFlow.Durable.Tests;

public sealed class RetryTests
{
    private static readonly RetryPolicy ThreeAttempts = new(3, TimeSpan.FromMinutes(1), backoffCoefficient: 2);

    private static DurableTaskRegistry Registry(Func<int, bool> failsOnAttempt)
    {
        var attempts = 0;
        return new DurableTaskRegistry()
            .AddActivityFunc<object?, int>("SendReminder", (_, _) =>
            {
                attempts++;
                return failsOnAttempt(attempts) ? throw new InvalidOperationException($"mail server down (attempt {attempts})") : Task.FromResult(attempts);
            })
            .AddOrchestratorFunc<object?, string>("Remind", async (context, _) =>
            {
                try
                {
                    var attempt = await context.CallActivityAsync<int>("SendReminder", null, new TaskOptions(ThreeAttempts));
                    return $"sent on attempt {attempt}";
                }
                catch (TaskFailedException ex)
                {
                    return $"gave up: {ex.FailureDetails.ErrorMessage} ({ex.FailureDetails.IsCausedBy<InvalidOperationException>()})";
                }
            });
    }

    [Fact]
    public async Task A_failing_activity_is_retried_after_durable_backoff_timers()
    {
        using var engine = new Engine(Registry(attempt => attempt < 3));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Remind");
        await engine.RunAsync();

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync(id)).RuntimeStatus);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2)); // backoff doubles

        Assert.Equal("sent on attempt 3", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_activity_that_keeps_failing_surfaces_as_TaskFailedException_after_the_last_attempt()
    {
        using var engine = new Engine(Registry(_ => true));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Remind");
        await engine.RunAsync();

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));

        Assert.Equal("gave up: mail server down (attempt 3) (True)", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_unhandled_failure_fails_the_instance_with_its_details()
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<object?, int>("Broken", (_, _) => Task.FromException<int>(new InvalidOperationException("no such school")))
            .AddOrchestratorFunc<object?, int>("Caller", (context, _) => context.CallActivityAsync<int>("Broken"));
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Caller");

        await engine.RunAsync();

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("no such school", instance.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }
}
