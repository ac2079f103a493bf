namespace MentorFlow.Durable.Tests;

public sealed class ReplayTests
{
    private static DurableTaskRegistry Registry(string secondStep) => new DurableTaskRegistry()
        .AddActivityFunc<object?, string>("Kickoff", (_, _) => Task.FromResult("kicked off"))
        .AddActivityFunc<object?, string>("Schedule", (_, _) => Task.FromResult("scheduled"))
        .AddActivityFunc<object?, string>("Midyear", (_, _) => Task.FromResult("midyear"))
        .AddOrchestratorFunc<object?, string>("Year", async (context, _) =>
        {
            var first = await context.CallActivityAsync<string>("Kickoff");
            await context.WaitForExternalEvent<string>("Go");
            return first + ", " + await context.CallActivityAsync<string>(secondStep);
        })
        .AddOrchestratorFunc<object?, string>("Other", async (context, _) =>
        {
            await context.WaitForExternalEvent<string>("Go");
            return "other done";
        });

    [Fact]
    public async Task A_changed_orchestrator_fails_the_instance_naming_the_step_and_the_worker_goes_on()
    {
        using var engine = new Engine(Registry("Schedule"));
        var year = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Year");
        var other = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Other");
        await engine.RunAsync();

        // The code changes: after the event it now calls Midyear where history says Schedule... and
        // it also no longer calls Kickoff first.
        var changed = new DurableTaskRegistry()
            .AddActivityFunc<object?, string>("Midyear", (_, _) => Task.FromResult("midyear"))
            .AddOrchestratorFunc<object?, string>("Year", async (context, _) => await context.CallActivityAsync<string>("Midyear"))
            .AddOrchestratorFunc<object?, string>("Other", async (context, _) => await context.WaitForExternalEvent<string>("Go") + " and done");
        var newWorker = engine.NewWorker(changed);
        await engine.Client.RaiseEventAsync(year, "Go", "now");
        await engine.Client.RaiseEventAsync(other, "Go", "now");
        await newWorker.ProcessAllDueAsync();

        var failed = await engine.InstanceAsync(year);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(typeof(DurableTask.Core.Exceptions.NonDeterministicOrchestrationException).FullName, failed.FailureDetails!.ErrorType);
        Assert.Contains("'Kickoff'", failed.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await engine.InstanceAsync(other)).RuntimeStatus);
    }

    [Fact]
    public async Task Replay_produces_the_same_guids_and_time_as_the_first_run()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, string>("Ids", async (context, _) =>
        {
            var before = (context.NewGuid(), context.CurrentUtcDateTime);
            context.SetCustomStatus(before.Item1);
            await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            var again = context.NewGuid();
            return $"{before.Item1}|{before.Item2:o}|{again}|{context.CurrentUtcDateTime:o}";
        });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Ids");
        await engine.RunAsync();
        var firstRunGuid = (await engine.InstanceAsync(id)).ReadCustomStatusAs<Guid>();

        await engine.AdvanceAsync(TimeSpan.FromHours(1));
        var parts = (await engine.InstanceAsync(id)).ReadOutputAs<string>()!.Split('|');

        Assert.Equal(firstRunGuid.ToString(), parts[0]);
        Assert.Equal(Engine.Start.UtcDateTime.ToString("o"), parts[1]);
        Assert.Equal(Engine.Start.UtcDateTime.AddHours(1).ToString("o"), parts[3]);
        Assert.NotEqual(parts[0], parts[2]);
    }
}
