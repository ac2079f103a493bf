namespace MentorFlow.Durable.Tests;

public sealed class ClientTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<string, string>("Echo", async (context, input) => await context.WaitForExternalEvent<string>("Go") + input)
        .AddOrchestratorFunc<int, int>("NeedsNumber", (_, n) => Task.FromResult(n));

    [Fact]
    public async Task Many_events_are_raised_in_one_go_or_none_when_an_instance_is_missing()
    {
        using var engine = new Engine(Registry());
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "!", new StartOrchestrationOptions("a"));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "?", new StartOrchestrationOptions("b"));
        await engine.RunAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            engine.Client.RaiseEventsAsync([new RaisedEvent("a", "Go", "early"), new RaisedEvent("nobody", "Go", "x")]));
        Assert.Contains("'nobody'", refused.Message, StringComparison.Ordinal);
        await engine.RunAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("a")).RuntimeStatus); // "early" was not sent

        await engine.Client.RaiseEventsAsync([new RaisedEvent("a", "Go", "hello"), new RaisedEvent("b", "Go", "why")]);
        await engine.RunAsync();
        Assert.Equal("hello!", (await engine.InstanceAsync("a")).ReadOutputAs<string>());
        Assert.Equal("why?", (await engine.InstanceAsync("b")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Many_instances_start_in_one_go_or_none_when_one_is_refused()
    {
        using var engine = new Engine(Registry());
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "!", new StartOrchestrationOptions("running"));
        await engine.RunAsync();

        var refused = await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Client.ScheduleNewOrchestrationInstancesAsync(
            [new NewOrchestration("Echo", "?", new StartOrchestrationOptions("c")), new NewOrchestration("NeedsNumber")]));
        Assert.Equal("input", refused.ParamName);
        Assert.Null(await engine.Client.GetInstanceAsync("c"));

        var ids = await engine.Client.ScheduleNewOrchestrationInstancesAsync(
        [
            new NewOrchestration("Echo", "?", new StartOrchestrationOptions("c")),
            new NewOrchestration("NeedsNumber", 7),
            new NewOrchestration("Echo", "again", new StartOrchestrationOptions("running")),
        ]);
        await engine.RunAsync();

        Assert.Equal("c", ids[0]);
        Assert.Equal("running", ids[2]);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("c")).RuntimeStatus);
        Assert.Equal(7, (await engine.InstanceAsync(ids[1])).ReadOutputAs<int>());
        await engine.Client.RaiseEventAsync("running", "Go", "still");
        await engine.RunAsync();
        Assert.Equal("still!", (await engine.InstanceAsync("running")).ReadOutputAs<string>()); // the running one kept its input
    }

    [Fact]
    public async Task Starting_an_id_that_is_already_running_does_not_start_a_second_one()
    {
        using var engine = new Engine(Registry());
        var options = new StartOrchestrationOptions("pairing-42");
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "first", options);
        await engine.RunAsync();

        var again = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "second", options);
        await engine.RunAsync();

        Assert.Equal("pairing-42", again);
        var instance = await engine.InstanceAsync("pairing-42");
        Assert.Equal("first", instance.ReadInputAs<string>());
        Assert.Single(await engine.Client.GetOrchestrationHistoryAsync("pairing-42"), e => e.EventType == "ExecutionStarted");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_exception_and_writes_nothing()
    {
        using var engine = new Engine(Registry());

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchThing"));
        Assert.Contains("No orchestrator named 'NoSuchThing'", unknown.Message, StringComparison.Ordinal);
        var oversized = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", new string('x', 300_000)));
        Assert.Equal("input", oversized.ParamName);
        var badId = await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions("district/1")));
        Assert.Equal("instanceId", badId.ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions(new string('a', 257))));
        var nullInput = await Assert.ThrowsAsync<ArgumentNullException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("NeedsNumber"));
        Assert.Equal("input", nullInput.ParamName);
        var noTarget = await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Client.RaiseEventAsync("nobody", "Go", "x"));
        Assert.Contains("No orchestration instance 'nobody'", noTarget.Message, StringComparison.Ordinal);

        Assert.Empty(await engine.Client.GetAllInstancesAsync().ToListAsync());
    }

    [Fact]
    public async Task Instances_are_listed_page_by_page_with_status_prefix_and_created_filters()
    {
        using var engine = new Engine(Registry());
        for (var i = 0; i < 5; i++)
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions($"district-a-{i}"));
            engine.Clock.Advance(TimeSpan.FromDays(1));
        }

        await engine.Client.ScheduleNewOrchestrationInstanceAsync("NeedsNumber", 7, new StartOrchestrationOptions("district-b-0"));
        await engine.RunAsync();

        var firstPage = await engine.Client.GetInstancesPageAsync(new OrchestrationQuery(InstanceIdPrefix: "district-a-", PageSize: 2));
        Assert.Equal(["district-a-0", "district-a-1"], firstPage.Instances.Select(i => i.InstanceId));
        Assert.NotNull(firstPage.ContinuationToken);
        var all = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "district-a-", PageSize: 2)).ToListAsync();
        Assert.Equal(5, all.Count);

        var completed = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery([OrchestrationRuntimeStatus.Completed])).ToListAsync();
        Assert.Equal(["district-b-0"], completed.Select(i => i.InstanceId));

        var window = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(
            CreatedFrom: Engine.Start.UtcDateTime.AddDays(1), CreatedTo: Engine.Start.UtcDateTime.AddDays(3))).ToListAsync();
        Assert.Equal(["district-a-1", "district-a-2"], window.Select(i => i.InstanceId));
    }

    [Fact]
    public async Task A_finished_instance_can_be_purged_and_a_running_one_cannot()
    {
        using var engine = new Engine(Registry());
        var done = await engine.Client.ScheduleNewOrchestrationInstanceAsync("NeedsNumber", 1);
        var running = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x");
        await engine.RunAsync();

        Assert.Equal(1, (await engine.Client.PurgeInstanceAsync(done)).PurgedInstanceCount);
        Assert.Equal(0, (await engine.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
        Assert.Null(await engine.Client.GetInstanceAsync(done));
        Assert.Empty(await engine.Client.GetOrchestrationHistoryAsync(done));
    }

    [Fact]
    public async Task WaitForInstanceCompletion_returns_the_finished_instance()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("NeedsNumber", 3);
        await engine.RunAsync();

        var finished = await engine.Client.WaitForInstanceCompletionAsync(id);

        Assert.Equal(3, finished.ReadOutputAs<int>());
    }
}
