using System.Security.Cryptography;
using System.Text;
using MentorFlow.Durable.History;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Durable.Replay;

/// <summary>
/// The context an orchestrator runs against while <see cref="OrchestrationExecutor"/> feeds it its
/// history: every durable call becomes a numbered action, matched against history on replay.
/// </summary>
internal sealed class ReplayOrchestrationContext(
    string instanceId, ExecutionStartedEvent started, ILoggerFactory loggerFactory, string? customStatus) : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, OrchestratorAction> _pendingActions = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaisedEvent> _bufferedEvents = [];
    private readonly List<int> _cancelledTimers = [];
    private int _nextEventId;
    private int _guidCounter;

    public override string InstanceId => instanceId;

    public override string Name => started.Name;

    public override string Version => started.Version;

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    public DateTime CurrentTime { get; set; } = started.Timestamp;

    public bool Replaying { get; set; }

    public string? SerializedCustomStatus { get; private set; } = customStatus;

    public ContinueAsNewStart? ContinueAsNewRequest { get; private set; }

    /// <summary>Takes the actions asked for and not matched by history, in step order: they are new, and become history.</summary>
    public List<OrchestratorAction> TakePendingActions()
    {
        var actions = _pendingActions.Values.ToList();
        _pendingActions.Clear();
        return actions;
    }

    /// <summary>Takes the timers cancelled since the last call, outside replay: their pending fire messages can go.</summary>
    public List<int> TakeCancelledTimers()
    {
        var cancelled = _cancelledTimers.ToList();
        _cancelledTimers.Clear();
        return cancelled;
    }

    public override T? GetInput<T>()
        where T : default => DurableJson.Deserialize<T>(started.Input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serialized = DurableJson.Serialize(input);
        return await WithRetry(options?.Retry, async () =>
        {
            var id = _nextEventId++;
            _pendingActions.Add(id, new ScheduleTaskAction(id, name, serialized));
            return DurableJson.Deserialize<TResult>(await Open(id, name).Task)!;
        });
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var serialized = DurableJson.Serialize(input);
        var subOptions = options as SubOrchestrationOptions;
        return await WithRetry(options?.Retry, async () =>
        {
            var id = _nextEventId++;
            // A retried call needs a fresh child id unless the caller chose one.
            var childId = subOptions?.InstanceId ?? $"{InstanceId}:{id:D4}";
            _pendingActions.Add(id, new CreateSubOrchestrationAction(id, orchestratorName, subOptions?.Version, childId, serialized));
            return DurableJson.Deserialize<TResult>(await Open(id, orchestratorName).Task)!;
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextEventId++;
        _pendingActions.Add(id, new CreateTimerAction(id, DateTime.SpecifyKind(fireAt, DateTimeKind.Utc)));
        var timer = Open(id, "timer");
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (_openTasks.Remove(id))
                {
                    if (!Replaying)
                    {
                        _cancelledTimers.Add(id);
                    }

                    timer.TrySetCanceled(cancellationToken);
                }
            });
        }

        return timer.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var buffered = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var input = _bufferedEvents[buffered].Input;
            _bufferedEvents.RemoveAt(buffered);
            return Task.FromResult(DurableJson.Deserialize<T>(input)!);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var queue))
        {
            queue = new LinkedList<TaskCompletionSource<string?>>();
            _waiters[eventName] = queue;
        }

        var node = queue.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    queue.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            });
        }

        return Read<T>(waiter.Task);
    }

    public override async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var stopTimer = new CancellationTokenSource();
        using var stopWaiting = new CancellationTokenSource();
        var timer = CreateTimer(CurrentUtcDateTime.Add(timeout), stopTimer.Token);
        var wait = WaitForExternalEvent<T>(eventName, stopWaiting.Token);
        if (await Task.WhenAny(wait, timer) == wait)
        {
            // Cancel, not CancelAsync: the callbacks must run here, on the orchestrator's thread.
            stopTimer.Cancel();
            return await wait;
        }

        stopWaiting.Cancel();
        throw new TaskCanceledException($"No '{eventName}' event arrived within {timeout}.");
    }

    public override void SetCustomStatus(object? customStatus) => SerializedCustomStatus = DurableJson.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = new ContinueAsNewStart(DurableJson.Serialize(newInput), preserveUnprocessedEvents ? _bufferedEvents : [], preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // Name-based (RFC 4122 version 5) from the instance, the replayed time and a counter.
        var name = $"{InstanceId}_{CurrentUtcDateTime:o}_{_guidCounter++}";
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; this is an id, not security.
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, loggerFactory.CreateLogger(categoryName));

    /// <summary>History says this step was <paramref name="recorded"/>: the code must ask for the same kind and name now.</summary>
    public void MatchHistory(OrchestratorAction recorded)
    {
        var mismatch = !_pendingActions.Remove(recorded.Id, out var action)
            ? "did not ask for it on replay"
            : !SameStep(recorded, action) ? $"on replay asked for {Describe(action)}" : null;
        if (mismatch is not null)
        {
            throw new NonDeterministicOrchestrationException(
                $"Orchestrator '{Name}' version '{Version}' no longer matches the history of instance '{InstanceId}': " +
                $"step {recorded.Id} was {Describe(recorded)}, but the orchestrator {mismatch}.");
        }
    }

    // Inputs and fire times may legitimately differ on replay; the kind of step and its target may not.
    private static bool SameStep(OrchestratorAction recorded, OrchestratorAction asked) => (recorded, asked) switch
    {
        (ScheduleTaskAction a, ScheduleTaskAction b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase),
        (CreateTimerAction, CreateTimerAction) => true,
        (CreateSubOrchestrationAction a, CreateSubOrchestrationAction b) => string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Completes the step's task with its JSON result; a step no longer awaited (cancelled timer, duplicate delivery) is ignored.</summary>
    public void Complete(int id, string? result)
    {
        if (_openTasks.Remove(id, out var open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    /// <summary>Fails the step's task with <see cref="TaskFailedException"/>.</summary>
    public void Fail(int id, TaskFailureDetails failure)
    {
        if (_openTasks.Remove(id, out var open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, id, failure));
        }
    }

    /// <summary>Hands an external event to the oldest waiter for its name, or buffers it.</summary>
    public void Deliver(EventRaisedEvent raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var queue) && queue.First is { } first)
        {
            queue.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }

        _bufferedEvents.Add(raised);
    }

    private static string Describe(OrchestratorAction action) => action switch
    {
        ScheduleTaskAction task => $"activity '{task.Name}'",
        CreateTimerAction timer => $"a timer until {timer.FireAt:o}",
        CreateSubOrchestrationAction sub => $"sub-orchestration '{sub.Name}'",
        _ => action.GetType().Name,
    };

    private static async Task<T> Read<T>(Task<string?> json) => DurableJson.Deserialize<T>(await json)!;

    private TaskCompletionSource<string?> Open(int id, string name)
    {
        var completion = new TaskCompletionSource<string?>();
        _openTasks.Add(id, new OpenTask(name, completion));
        return completion;
    }

    private async Task<T> WithRetry<T>(RetryPolicy? policy, Func<Task<T>> attempt)
    {
        if (policy is null)
        {
            return await attempt();
        }

        policy.Validate();
        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException) when (number < policy.MaxNumberOfAttempts)
            {
                var delay = policy.DelayBefore(number + 1);
                if (policy.RetryTimeout is { } limit && CurrentUtcDateTime + delay > firstAttemptAt + limit)
                {
                    throw;
                }

                await CreateTimer(CurrentUtcDateTime + delay, CancellationToken.None);
            }
        }
    }

    private sealed record OpenTask(string Name, TaskCompletionSource<string?> Completion);

    private sealed class ReplaySafeLogger(ReplayOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
