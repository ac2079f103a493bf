using Microsoft.Extensions.Logging;

namespace MentorFlow.Durable;

/// <summary>
/// What an orchestrator sees and does: its identity and input, deterministic time and ids, and the
/// durable steps (activities, timers, external events, sub-orchestrations). Same names and meaning
/// as Microsoft.DurableTask's <c>TaskOrchestrationContext</c>.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The orchestrator version this instance runs for its whole life.</summary>
    public abstract string Version { get; }

    /// <summary>The current time, replayed from history: the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator re-runs steps already in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The instance input read as <typeparamref name="T"/>.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Calls an activity and returns its result.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Calls an activity that returns nothing of interest.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Calls another orchestrator as a child instance and returns its result.</summary>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (UTC); any length.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires <paramref name="delay"/> after the current time.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for the next external event named <paramref name="eventName"/> (case-insensitive).
    /// Events that arrived earlier are buffered and handed out in the order they arrived.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for an external event up to <paramref name="timeout"/>; throws
    /// <see cref="TaskCanceledException"/> when the time runs out. An event arriving after that is
    /// buffered for the next wait.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout);

    /// <summary>Sets the status that clients read in <see cref="OrchestrationMetadata.SerializedCustomStatus"/>.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>
    /// Restarts the instance with a fresh history and <paramref name="newInput"/> when the
    /// orchestrator returns. Unconsumed external events carry over when
    /// <paramref name="preserveUnprocessedEvents"/> is true.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A new GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes nothing while the orchestrator replays.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <summary>A logger named after <typeparamref name="T"/> that writes nothing while replaying.</summary>
    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
