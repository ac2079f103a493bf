namespace MentorFlow.Durable.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task A_one_year_timer_is_one_durable_record_and_fires_when_the_clock_is_advanced()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, DateTime>("YearLong", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromDays(365), CancellationToken.None);
            return context.CurrentUtcDateTime;
        });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("YearLong");
        await engine.RunAsync();

        await engine.AdvanceAsync(TimeSpan.FromDays(364));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromDays(1));

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(Engine.Start.UtcDateTime.AddDays(365), instance.ReadOutputAs<DateTime>());
        var history = await engine.Client.GetOrchestrationHistoryAsync(id);
        Assert.Single(history, e => e.EventType == "TimerCreated");
        Assert.Single(history, e => e.EventType == "TimerFired");
    }

    [Fact]
    public async Task A_scheduled_start_waits_for_its_time()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, DateTime>("Now", (context, _) => Task.FromResult(context.CurrentUtcDateTime));
        using var engine = new Engine(registry);
        var startAt = Engine.Start.UtcDateTime.AddDays(14);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Now", options: new StartOrchestrationOptions(StartAt: startAt));

        await engine.AdvanceAsync(TimeSpan.FromDays(13));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(startAt, (await engine.InstanceAsync(id)).ReadOutputAs<DateTime>());
    }
}
