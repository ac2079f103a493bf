using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace MentorFlow.Server.Functions;

/// <summary>
/// Runs the timer-triggered functions on their own schedules (six-field NCRONTAB, UTC, as Azure Functions reads them) by the
/// app's clock, so a virtual clock moves them too. Those marked <see cref="TimerTriggerAttribute.RunOnStartup"/> run once
/// before the server takes requests, in name order. A run that fails is logged; the next runs on schedule.
/// </summary>
public sealed partial class TimerFunctions(FunctionCatalog catalog, IServiceProvider services, TimeProvider clock, ILogger<TimerFunctions> logger)
    : BackgroundService
{
    /// <summary>When <paramref name="schedule"/> (six fields, seconds first) next fires after <paramref name="now"/>.</summary>
    public static DateTimeOffset? NextOccurrence(string schedule, DateTimeOffset now) =>
        CronExpression.Parse(schedule, CronFormat.IncludeSeconds).GetNextOccurrence(now, TimeZoneInfo.Utc);

    // Each timer's first due time, fixed at start: a clock moved before its loop waits still fires it.
    private readonly Dictionary<string, DateTimeOffset> _firstDue = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (function, trigger) in catalog.Timers)
        {
            // A schedule that cannot be read stops start-up, naming the function.
            _firstDue[function.Name] = NextOccurrence(trigger.Schedule, now)
                ?? throw new InvalidOperationException($"{function.Name}'s schedule '{trigger.Schedule}' never fires; give a six-field NCRONTAB expression.");
        }

        foreach (var (function, _) in catalog.Timers.Where(t => t.Trigger.RunOnStartup))
        {
            await RunAsync(function, new TimerInfo(), cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(t => KeepScheduleAsync(t.Function, t.Trigger.Schedule, stoppingToken)));

    private async Task KeepScheduleAsync(FunctionEntry function, string schedule, CancellationToken stoppingToken)
    {
        DateTimeOffset? last = null;
        DateTimeOffset? due = _firstDue[function.Name];
        while (!stoppingToken.IsCancellationRequested && due is { } next)
        {
            await UntilAsync(next, stoppingToken);
            // Read on waking, so a clock moved past several occurrences runs the function once, late, as a host that was down would.
            var woke = clock.GetUtcNow();
            var following = NextOccurrence(schedule, woke > next ? woke : next);
            var info = new TimerInfo
            {
                ScheduleStatus = new ScheduleStatus { Last = last?.UtcDateTime ?? default, Next = following?.UtcDateTime ?? default, LastUpdated = woke.UtcDateTime },
                IsPastDue = woke - next > TimeSpan.FromMinutes(1),
            };
            await RunAsync(function, info, stoppingToken);
            (last, due) = (next, following);
        }
    }

    // A wait on a clock that jumps (a virtual one) is set up relative to now: a jump while it is set up is caught by looking again.
    private async Task UntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        while (clock.GetUtcNow() < due)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(due - clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, clock, waiting.Token);
            if (clock.GetUtcNow() >= due)
            {
                await waiting.CancelAsync();
                return;
            }

            await delay;
        }
    }

    private async Task RunAsync(FunctionEntry function, TimerInfo timer, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, p =>
                p.ParameterType == typeof(TimerInfo) ? timer
                : p.ParameterType == typeof(CancellationToken) ? cancellationToken
                : p.ParameterType == typeof(Microsoft.DurableTask.Client.DurableTaskClient) ? scope.ServiceProvider.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>()
                : throw new InvalidOperationException($"{function.Name} takes {p.Name}, which the server does not bind; timer functions take TimerInfo, CancellationToken and [DurableClient] DurableTaskClient."));
            LogRan(function.Name, timer.IsPastDue);
        }
#pragma warning disable CA1031 // One failed run must not stop the schedule: the function logged why, and the next run comes.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(ex, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer function {Function} ran (past due: {PastDue})")]
    private partial void LogRan(string function, bool pastDue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next scheduled time")]
    private partial void LogFailed(Exception exception, string function);
}
