namespace MentorFlow.Durable.Tests;

public sealed class HelloSequenceTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddActivityFunc<string, string>("SayHello", (_, name) => Task.FromResult($"Hello {name}"))
        .AddOrchestratorFunc<string[], string[]>("HelloSequence", async (context, names) =>
        {
            var greetings = new List<string>();
            foreach (var name in names)
            {
                greetings.Add(await context.CallActivityAsync<string>("SayHello", name));
            }

            return [.. greetings];
        });

    [Fact]
    public async Task Three_activities_in_sequence_complete_with_their_results_and_a_durable_history()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("HelloSequence", new[] { "Tokyo", "Seattle", "London" });

        await engine.RunAsync();

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(["Hello Tokyo", "Hello Seattle", "Hello London"], instance.ReadOutputAs<string[]>()!);
        var types = (await engine.Client.GetOrchestrationHistoryAsync(id)).Select(e => e.EventType.ToString()).ToList();
        Assert.Equal("OrchestratorStarted", types[0]);
        Assert.Equal("ExecutionStarted", types[1]);
        Assert.Equal(3, types.Count(t => t == "TaskScheduled"));
        Assert.Equal(3, types.Count(t => t == "TaskCompleted"));
        Assert.Equal("ExecutionCompleted", types[^1]);
    }

    [Fact]
    public async Task Fan_out_with_WhenAll_collects_every_result()
    {
        var registry = new DurableTaskRegistry()
            .AddActivityFunc<int, int>("Square", (_, n) => Task.FromResult(n * n))
            .AddOrchestratorFunc<int, int>("SumOfSquares", async (context, count) =>
            {
                var calls = Enumerable.Range(1, count).Select(n => context.CallActivityAsync<int>("Square", n));
                return (await Task.WhenAll(calls)).Sum();
            });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("SumOfSquares", 5);

        await engine.RunAsync();

        Assert.Equal(55, (await engine.InstanceAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task Custom_status_and_a_sub_orchestration_result_reach_the_client()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2))
            .AddOrchestratorFunc<int, int>("Parent", async (context, n) =>
            {
                context.SetCustomStatus(new { stage = "calling child" });
                var doubled = await context.CallSubOrchestratorAsync<int>("Double", n, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:child" });
                context.SetCustomStatus(new { stage = "done" });
                return doubled + 1;
            });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Parent", 20);

        await engine.RunAsync();

        var parent = await engine.InstanceAsync(id);
        Assert.Equal(41, parent.ReadOutputAs<int>());
        Assert.Contains("\"done\"", parent.SerializedCustomStatus, StringComparison.Ordinal);
        var child = await engine.InstanceAsync($"{id}:child");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
    }

    [Fact]
    public async Task A_sub_orchestration_knows_its_parent_from_its_first_episode()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<object?, string>("Child", (context, _) => Task.FromResult($"{context.Parent?.Name} {context.Parent?.InstanceId}"))
            .AddOrchestratorFunc<object?, string>("District", (context, _) =>
                context.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:child" }));
        using var engine = new Engine(registry);
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("District", new StartOrchestrationOptions("district-1"));

        await engine.RunAsync();

        Assert.Equal("District district-1", (await engine.InstanceAsync("district-1")).ReadOutputAs<string>());
    }
}
