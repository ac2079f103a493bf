using MentorFlow.Server.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Functions.Tests.FunctionSet;

/// <summary>The server runs timer functions on their schedules by the app's clock: a moved clock fires them, a still one does not.</summary>
public sealed class TimerFunctionsTests
{
    [Fact]
    public async Task A_timer_function_runs_at_start_when_asked_and_then_each_time_the_clock_passes_its_schedule()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 30, TimeSpan.Zero));
        var catalog = FunctionCatalog.Of(typeof(TimerFunctionsTests).Assembly);
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).BuildServiceProvider();
        using var timers = new TimerFunctions(catalog, services, clock, NullLogger<TimerFunctions>.Instance);
        MinuteTimer.Reset();

        await timers.StartAsync(CancellationToken.None);
        Assert.Equal(1, MinuteTimer.Runs);
        Assert.False(MinuteTimer.LastTimer!.IsPastDue);

        // Half a minute on: the schedule (each minute at :00) fires once.
        var fired = MinuteTimer.NextRun();
        clock.Advance(TimeSpan.FromSeconds(30));
        await fired.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, MinuteTimer.Runs);

        // Ten minutes at once: a host that was down runs it once, late, not ten times.
        fired = MinuteTimer.NextRun();
        clock.Advance(TimeSpan.FromMinutes(10));
        await fired.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, MinuteTimer.Runs);
        Assert.True(MinuteTimer.LastTimer!.IsPastDue);

        await timers.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_schedule_is_read_as_azure_functions_reads_it_six_fields_in_utc()
    {
        var now = new DateTimeOffset(2026, 9, 1, 8, 7, 0, TimeSpan.Zero);

        Assert.Equal(now.AddMinutes(3), TimerFunctions.NextOccurrence("0 */10 * * * *", now));
        Assert.Equal(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero), TimerFunctions.NextOccurrence("0 0 * * * *", now));
    }
}

/// <summary>A timer function of this test assembly that counts its runs.</summary>
public sealed class MinuteTimer
{
    private static TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Runs so far.</summary>
    public static int Runs { get; private set; }

    /// <summary>The timer of the last run.</summary>
    public static TimerInfo? LastTimer { get; private set; }

    /// <summary>Starts counting from zero.</summary>
    public static void Reset() => (Runs, LastTimer) = (0, null);

    /// <summary>Completes at the next run.</summary>
    public static Task NextRun() => (_next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Each minute, and once at start.</summary>
    [Function("MinuteTimer")]
    public static void Run([TimerTrigger("0 * * * * *", RunOnStartup = true)] TimerInfo timer)
    {
        (Runs, LastTimer) = (Runs + 1, timer);
        _next.TrySetResult();
    }
}
