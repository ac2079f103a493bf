namespace MentorFlow.Durable.Tests;

public sealed class VersioningTests
{
    private static DurableTaskRegistry WithVersions(params string[] versions)
    {
        var registry = new DurableTaskRegistry();
        foreach (var version in versions)
        {
            registry.AddOrchestratorFunc<object?, string>("Year", async (context, _) =>
            {
                await context.WaitForExternalEvent<string>("Go");
                return $"ran version {version}";
            }, version);
        }

        return registry;
    }

    [Fact]
    public async Task An_instance_keeps_the_version_it_started_with_and_new_instances_get_the_newest()
    {
        using var engine = new Engine(WithVersions("1"));
        var old = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Year");
        await engine.RunAsync();

        var upgraded = WithVersions("1", "2");
        var newClient = new DurableTaskClient(engine.Store, upgraded, engine.Clock);
        var fresh = await newClient.ScheduleNewOrchestrationInstanceAsync("Year");
        var worker = engine.NewWorker(upgraded);
        await worker.ProcessAllDueAsync();
        await newClient.RaiseEventAsync(old, "Go");
        await newClient.RaiseEventAsync(fresh, "Go");
        await worker.ProcessAllDueAsync();

        Assert.Equal("ran version 1", (await engine.InstanceAsync(old)).ReadOutputAs<string>());
        Assert.Equal("2", (await engine.InstanceAsync(fresh)).Version);
        Assert.Equal("ran version 2", (await engine.InstanceAsync(fresh)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_instance_whose_version_no_worker_has_waits_with_a_clear_status_instead_of_failing()
    {
        using var engine = new Engine(WithVersions("1"));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Year");
        await engine.Client.RaiseEventAsync(id, "Go");

        var onlyV2 = engine.NewWorker(WithVersions("2"));
        await onlyV2.ProcessAllDueAsync();

        var waiting = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, waiting.RuntimeStatus);
        Assert.Contains("orchestrator 'Year' version '1'", waiting.WaitingReason, StringComparison.Ordinal);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1)); // a worker with version 1 comes back
        var done = await engine.InstanceAsync(id);
        Assert.Equal("ran version 1", done.ReadOutputAs<string>());
        Assert.Null(done.WaitingReason);
    }
}
