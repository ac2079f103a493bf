using MentorFlow.Durable.History;

namespace MentorFlow.Durable.Replay;

/// <summary>What one episode of an orchestrator produced: the history to append and the work it asked for.</summary>
/// <param name="NewHistory">Events to append to the instance's history, in order.</param>
/// <param name="NewActions">Activities, timers and sub-orchestrations to start.</param>
/// <param name="Status">Running, Completed, Failed or ContinuedAsNew.</param>
/// <param name="CustomStatus">The custom status (JSON) after the episode.</param>
/// <param name="Output">The result (JSON) when completed.</param>
/// <param name="Failure">The failure when failed.</param>
/// <param name="ContinueAsNew">The next execution's start when continued as new.</param>
/// <param name="CancelledTimers">Timers the orchestrator cancelled in this episode, whose fire messages need not arrive.</param>
internal sealed record EpisodeOutcome(
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<OrchestratorAction> NewActions,
    OrchestrationRuntimeStatus Status,
    string? CustomStatus,
    string? Output,
    TaskFailureDetails? Failure,
    ContinueAsNewStart? ContinueAsNew,
    IReadOnlyList<int>? CancelledTimers = null);

/// <summary>How the next execution starts after continue-as-new.</summary>
/// <param name="Input">The new input (JSON).</param>
/// <param name="CarriedOverEvents">Unconsumed external events, delivered again to the new execution.</param>
/// <param name="PreserveUnprocessedEvents">Whether unconsumed events carry over at all.</param>
internal sealed record ContinueAsNewStart(string? Input, IReadOnlyList<EventRaisedEvent> CarriedOverEvents, bool PreserveUnprocessedEvents);
