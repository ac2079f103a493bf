namespace MentorFlow.Durable.Tests;

public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task Continue_as_new_restarts_with_a_fresh_history_and_keeps_unconsumed_events()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("WeeklyCheck", async (context, week) =>
        {
            if (week == 3)
            {
                return week;
            }

            await context.CreateTimer(TimeSpan.FromDays(7), CancellationToken.None);
            context.ContinueAsNew(week + 1);
            return week;
        });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WeeklyCheck", 1);
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Unused", "kept");

        await engine.AdvanceAsync(TimeSpan.FromDays(7));
        var afterOneWeek = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Running, afterOneWeek.RuntimeStatus);
        Assert.Equal(2, afterOneWeek.ReadInputAs<int>());
        Assert.Contains(await engine.Client.GetOrchestrationHistoryAsync(id), e => e is EventRaisedEvent { Name: "Unused" });

        await engine.AdvanceAsync(TimeSpan.FromDays(7));
        var done = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
        var history = await engine.Client.GetOrchestrationHistoryAsync(id);
        Assert.Single(history, e => e.EventType == EventType.ExecutionStarted);
        Assert.Contains(history, e => e is EventRaisedEvent { Name: "Unused" });
    }
}
