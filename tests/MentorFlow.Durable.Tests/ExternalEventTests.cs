namespace MentorFlow.Durable.Tests;

public sealed class ExternalEventTests
{
    private static DurableTaskRegistry Registry() => new DurableTaskRegistry()
        .AddOrchestratorFunc<int, string[]>("CollectSignatures", async (context, count) =>
        {
            var received = new List<string>();
            for (var i = 0; i < count; i++)
            {
                received.Add(await context.WaitForExternalEvent<string>("Signed"));
            }

            return [.. received];
        })
        .AddOrchestratorFunc<object?, string>("WaitBriefly", async (context, _) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("Signed", TimeSpan.FromDays(7));
            }
            catch (TaskCanceledException)
            {
                // The late event is kept for the next wait.
                return "timed out, then " + await context.WaitForExternalEvent<string>("Signed");
            }
        })
        .AddOrchestratorFunc<object?, string>("WaitAfterTimer", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
            return await context.WaitForExternalEvent<string>("Signed");
        });

    [Fact]
    public async Task Events_raised_twice_are_both_delivered_in_order()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CollectSignatures", 2);
        await engine.RunAsync();

        await engine.Client.RaiseEventAsync(id, "Signed", "mentor");
        await engine.Client.RaiseEventAsync(id, "Signed", "mentee");
        await engine.RunAsync();

        Assert.Equal(["mentor", "mentee"], (await engine.InstanceAsync(id)).ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task An_event_raised_before_anyone_waits_is_buffered_until_the_wait()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WaitAfterTimer");
        await engine.RunAsync();

        await engine.Client.RaiseEventAsync(id, "signed", "early"); // names match case-insensitively
        await engine.RunAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal("early", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_before_the_instance_starts_is_kept_for_it()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CollectSignatures", 1,
            new StartOrchestrationOptions(StartAt: Engine.Start.UtcDateTime.AddDays(1)));

        await engine.Client.RaiseEventAsync(id, "Signed", "before start");
        await engine.RunAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(["before start"], (await engine.InstanceAsync(id)).ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task Events_raised_while_suspended_wait_and_arrive_in_order_after_resume()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CollectSignatures", 2);
        await engine.RunAsync();

        await engine.Client.SuspendInstanceAsync(id, "coordinator review");
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Signed", "first");
        await engine.Client.RaiseEventAsync(id, "Signed", "second");
        await engine.RunAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.Client.ResumeInstanceAsync(id);
        await engine.RunAsync();

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(["first", "second"], instance.ReadOutputAs<string[]>()!);
    }

    [Fact]
    public async Task An_event_for_a_waiter_that_timed_out_goes_to_the_next_wait()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WaitBriefly");
        await engine.RunAsync();

        await engine.AdvanceAsync(TimeSpan.FromDays(7));
        await engine.Client.RaiseEventAsync(id, "Signed", "late");
        await engine.RunAsync();

        Assert.Equal("timed out, then late", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_before_the_timeout_wins_and_the_timer_is_ignored()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WaitBriefly");
        await engine.RunAsync();

        await engine.Client.RaiseEventAsync(id, "Signed", "in time");
        await engine.RunAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(8));

        Assert.Equal("in time", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_ends_a_waiting_instance()
    {
        using var engine = new Engine(Registry());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("CollectSignatures", 1);
        await engine.RunAsync();

        await engine.Client.TerminateInstanceAsync(id, "mentee left the district");
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "Signed", "too late");
        await engine.RunAsync();

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance.RuntimeStatus);
        Assert.Equal("mentee left the district", instance.ReadOutputAs<string>());
    }
}
