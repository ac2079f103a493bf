using MentorFlow.Durable.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Durable.Replay;

/// <summary>
/// Replays a recorded history against today's orchestrator code, as Temporal's replayer does: golden-history
/// tests use it so a change that would break instances in flight fails CI instead of production.
/// </summary>
public static class OrchestrationReplayer
{
    /// <summary>
    /// Replays <paramref name="history"/> (one execution's stored events) and then delivers
    /// <paramref name="messages"/> (what its next episode received, if recorded).
    /// </summary>
    public static ReplayResult Replay(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent>? messages = null, string instanceId = "replay")
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(history);
        messages ??= [];
        var last = messages.Count > 0 ? messages[^1].Timestamp : history.Count > 0 ? history[^1].Timestamp : DateTime.UnixEpoch;
        var outcome = new OrchestrationExecutor(NullLoggerFactory.Instance).Execute(orchestrator, instanceId, history, messages, last, null);
        return new ReplayResult(outcome.Status, outcome.Failure, outcome.Output, outcome.CustomStatus);
    }
}

/// <summary>What a replay ended with.</summary>
/// <param name="Status">Running, Completed, Failed or ContinuedAsNew.</param>
/// <param name="Failure">Why it failed, when it did.</param>
/// <param name="Output">The output (JSON), when completed.</param>
/// <param name="CustomStatus">The custom status (JSON) at the end.</param>
public sealed record ReplayResult(OrchestrationRuntimeStatus Status, TaskFailureDetails? Failure, string? Output, string? CustomStatus)
{
    /// <summary>True when the code no longer matches the history.</summary>
    public bool IsNonDeterministic => Failure?.ErrorType == typeof(NonDeterministicOrchestrationException).FullName;
}
