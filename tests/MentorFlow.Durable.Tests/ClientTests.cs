namespace MentorFlow.Durable.Tests;

public sealed class ClientTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<string, string>("Echo", async (context, input) => await context.WaitForExternalEvent<string>("Go") + input)
        .AddOrchestratorFunc<int, int>("NeedsNumber", (_, n) => Task.FromResult(n));

    [Fact]
    public async Task Many_events_are_queued_in_one_go_or_none_when_an_instance_is_missing()
    {
        using var engine = new Engine(Registry());
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "!", new StartOrchestrationOptions("a"));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "?", new StartOrchestrationOptions("b"));
        await engine.RunAsync();

        var missing = await engine.Store.EnqueueMessagesAsync([Engine.Raised("a", "Go", "early", engine.Now), Engine.Raised("nobody", "Go", "x", engine.Now)], default);
        Assert.Equal(["nobody"], missing);
        await engine.RunAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("a")).RuntimeStatus); // "early" was not sent

        await Task.WhenAll(engine.Client.RaiseEventAsync("a", "Go", "hello"), engine.Client.RaiseEventAsync("b", "Go", "why"));
        await engine.RunAsync();
        Assert.Equal("hello!", (await engine.InstanceAsync("a")).ReadOutputAs<string>());
        Assert.Equal("why?", (await engine.InstanceAsync("b")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Events_raised_together_are_each_refused_or_sent_on_their_own()
    {
        using var engine = new Engine(Registry());
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "!", new StartOrchestrationOptions("a"));
        await engine.RunAsync();

        var toNobody = engine.Client.RaiseEventAsync("nobody", "Go", "x");
        var toA = engine.Client.RaiseEventAsync("a", "Go", "hello");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => toNobody);
        Assert.Contains("'nobody'", refused.Message, StringComparison.Ordinal);
        await toA;
        await engine.RunAsync();
        Assert.Equal("hello!", (await engine.InstanceAsync("a")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Many_instances_start_in_one_transaction_and_a_running_id_is_left_as_it_is()
    {
        using var engine = new Engine(Registry());
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "!", new StartOrchestrationOptions("running"));
        await engine.RunAsync();

        var created = await engine.Store.TryCreateInstancesAsync(
            [Engine.NewInstance("c", "Echo", "?", engine.Now), Engine.NewInstance("n", "NeedsNumber", 7, engine.Now), Engine.NewInstance("running", "Echo", "again", engine.Now)],
            engine.Now, default);
        await engine.RunAsync();

        Assert.Equal([true, true, false], created);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync("c")).RuntimeStatus);
        Assert.Equal(7, (await engine.InstanceAsync("n")).ReadOutputAs<int>());
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
        Assert.Single(await engine.Client.GetOrchestrationHistoryAsync("pairing-42"), e => e.EventType == EventType.ExecutionStarted);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_exception_and_writes_nothing()
    {
        using var engine = new Engine(Registry());

        var oversized = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", new string('x', 300_000)));
        Assert.Equal("input", oversized.ParamName);
        var badId = await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions("district/1")));
        Assert.Equal("instanceId", badId.ParamName);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "x", new StartOrchestrationOptions(new string('a', 257))));
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

        var firstPage = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "district-a-", PageSize: 2)).AsPages().FirstAsync();
        Assert.Equal(["district-a-0", "district-a-1"], firstPage.Values.Select(i => i.InstanceId));
        Assert.NotNull(firstPage.ContinuationToken);
        var all = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "district-a-", PageSize: 2)).ToListAsync();
        Assert.Equal(5, all.Count);

        var completed = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed])).ToListAsync();
        Assert.Equal(["district-b-0"], completed.Select(i => i.InstanceId));

        var window = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(
            CreatedFrom: Engine.Start.AddDays(1), CreatedTo: Engine.Start.AddDays(3))).ToListAsync();
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

        var finished = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);

        Assert.Equal(3, finished.ReadOutputAs<int>());
    }
}
