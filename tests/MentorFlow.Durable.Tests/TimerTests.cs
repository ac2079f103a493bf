using MentorFlow.Durable.Worker;

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
        Assert.Single(history, e => e.EventType == EventType.TimerCreated);
        Assert.Single(history, e => e.EventType == EventType.TimerFired);
    }

    [Fact]
    public async Task A_scheduled_start_waits_for_its_time()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, DateTime>("Now", (context, _) => Task.FromResult(context.CurrentUtcDateTime));
        using var engine = new Engine(registry);
        var startAt = Engine.Start.UtcDateTime.AddDays(14);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Now", input: null, new StartOrchestrationOptions(StartAt: new DateTimeOffset(startAt)));

        await engine.AdvanceAsync(TimeSpan.FromDays(13));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.InstanceAsync(id)).RuntimeStatus);

        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(startAt, (await engine.InstanceAsync(id)).ReadOutputAs<DateTime>());
    }
}

public sealed class CancelledTimerTests
{
    // Waits for "ping" or a week of silence; each ping starts the week again by cancelling the pending timer.
    private static DurableTaskRegistry WeekOfSilence() => new DurableTaskRegistry().AddOrchestratorFunc<object?, int>("WeekOfSilence", async (context, _) =>
    {
        var pings = 0;
        while (true)
        {
            using var stop = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(7), stop.Token);
            var ping = context.WaitForExternalEvent<int>("ping");
            if (await Task.WhenAny(ping, timer) == timer)
            {
                return pings;
            }

            stop.Cancel();
            pings += await ping;
        }
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cancelled_timer_never_wakes_the_instance(bool extendedSessions)
    {
        using var engine = new Engine(WeekOfSilence(), new OrchestrationWorkerOptions(ExtendedSessions: extendedSessions));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("WeekOfSilence");
        await engine.RunAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(1));
        await engine.Client.RaiseEventAsync(id, "ping", 1);
        Assert.Equal(1, await engine.RunAsync());

        // The first week's timer was cancelled by the ping: its day passes without waking anything.
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(6)));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync(id)).RuntimeStatus);

        // The second week's timer fires a week after the ping.
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromDays(1)));
        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(1, instance.ReadOutputAs<int>());
        var history = await engine.Client.GetOrchestrationHistoryAsync(id);
        Assert.Equal(2, history.Count(e => e.EventType == EventType.TimerCreated));
        Assert.Single(history, e => e.EventType == EventType.TimerFired);
    }

    [Fact]
    public async Task A_finished_instance_is_not_woken_by_the_timers_it_left()
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<object?, string>("FirstOfTwo", async (context, _) =>
        {
            // DurableTask.Core ends an execution once no timer is pending, so the answer cancels the timer.
            using var stop = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(30), stop.Token);
            var answer = context.WaitForExternalEvent<string>("answer");
            var answered = await Task.WhenAny(answer, timer) == answer;
            stop.Cancel();
            return answered ? await answer : "no answer";
        });
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FirstOfTwo");
        await engine.RunAsync();
        await engine.Client.RaiseEventAsync(id, "answer", "yes");
        await engine.RunAsync();

        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(31)));
        Assert.Equal("yes", (await engine.InstanceAsync(id)).ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_new_execution_is_not_woken_by_the_timer_the_old_one_left(bool extendedSessions)
    {
        var registry = new DurableTaskRegistry().AddOrchestratorFunc<int, int>("Rounds", async (context, round) =>
        {
            using var stop = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(7), stop.Token);
            var next = context.WaitForExternalEvent<int>("next");
            if (await Task.WhenAny(next, timer) == timer)
            {
                return round;
            }

            stop.Cancel(); // DurableTask.Core continues as new once no timer is pending
            context.ContinueAsNew(round + await next);
            return 0;
        });
        using var engine = new Engine(registry, new OrchestrationWorkerOptions(ExtendedSessions: extendedSessions));
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Rounds", 0);
        await engine.RunAsync();
        await engine.AdvanceAsync(TimeSpan.FromDays(3));
        await engine.Client.RaiseEventAsync(id, "next", 1);
        await engine.RunAsync();

        // The first execution's timer (day 7) is gone with it; the second's fires on day 10.
        Assert.Equal(0, await engine.AdvanceAsync(TimeSpan.FromDays(5)));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.InstanceAsync(id)).RuntimeStatus);
        Assert.Equal(1, await engine.AdvanceAsync(TimeSpan.FromDays(2)));
        Assert.Equal(1, (await engine.InstanceAsync(id)).ReadOutputAs<int>());
    }
}
