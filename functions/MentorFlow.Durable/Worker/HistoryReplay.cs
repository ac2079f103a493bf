using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Replays a recorded history through DurableTask.Core's executor and the SDK's shims, as a worker would: for checking
/// that today's orchestrator code still accepts histories recorded by instances in flight.
/// </summary>
public static class HistoryReplay
{
    /// <summary>The worker options replay runs orchestrators with: the engine's data converter and timer interval.</summary>
    public static DurableTaskWorkerOptions WorkerOptions() => new()
    {
        DataConverter = DurableJson.Converter,
        MaximumTimerInterval = OrchestrationWorkerBuilder.MaximumTimerInterval,
    };

    /// <summary>
    /// Replays <paramref name="history"/> (past events), then delivers <paramref name="arrivals"/> as one new episode at
    /// the time of the last recorded episode; returns the actions the orchestrator asked for.
    /// </summary>
    public static IReadOnlyList<OrchestratorAction> Replay(string name, ITaskOrchestrator orchestrator, IEnumerable<HistoryEvent> history, IEnumerable<HistoryEvent> arrivals)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        var state = new OrchestrationRuntimeState([.. history]);
        var episodes = state.Events.OfType<OrchestratorStartedEvent>().ToList();
        state.AddEvent(new OrchestratorStartedEvent(-1) { Timestamp = episodes.Count > 0 ? episodes[^1].Timestamp : default });
        foreach (var arrival in arrivals)
        {
            state.AddEvent(arrival);
        }

        var shims = new DurableTaskShimFactory(WorkerOptions());
        var shim = shims.CreateOrchestration(new TaskName(name), orchestrator);
        return [.. new TaskOrchestrationExecutor(state, shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails).Execute().Actions];
    }
}
