using DurableTask.Core.History;

namespace MentorFlow.Testing.Replay;

/// <summary>
/// A recorded history cut at each episode: the events before it, and the messages it delivered (what a worker is handed
/// for that episode), so a replay can be asked for every decision the orchestrator made, not only its last.
/// </summary>
public static class EpisodeSteps
{
    /// <summary>One step per episode of <paramref name="history"/>, in order.</summary>
    public static IEnumerable<(IReadOnlyList<HistoryEvent> Past, IReadOnlyList<HistoryEvent> Arrivals)> Of(IReadOnlyList<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (var start = 0; start < history.Count; start++)
        {
            if (history[start] is not OrchestratorStartedEvent)
            {
                continue;
            }

            var end = start + 1;
            while (end < history.Count && history[end] is not OrchestratorStartedEvent)
            {
                end++;
            }

            yield return ([.. history.Take(start)], [.. history.Skip(start + 1).Take(end - start - 1).Where(IsMessage)]);
        }
    }

    // Events an episode records for the actions it took are its output, not what it was handed.
    private static bool IsMessage(HistoryEvent e) =>
        e is not (TaskScheduledEvent or SubOrchestrationInstanceCreatedEvent or TimerCreatedEvent or EventSentEvent
            or ExecutionCompletedEvent or OrchestratorCompletedEvent);
}
