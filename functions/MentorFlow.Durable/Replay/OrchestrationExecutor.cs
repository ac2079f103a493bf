using MentorFlow.Durable.History;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Durable.Replay;

/// <summary>
/// Runs one episode of an orchestrator: replays its past history (checking the code still asks
/// for the same steps), then applies the new messages, and reports what to append and start.
/// </summary>
internal sealed class OrchestrationExecutor(ILoggerFactory loggerFactory)
{
    /// <summary>Runs <paramref name="orchestrator"/> over <paramref name="past"/> then <paramref name="messages"/>.</summary>
    public EpisodeOutcome Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> messages,
        DateTime now,
        string? customStatus) => Execute(orchestrator, instanceId, past, messages, now, customStatus, out _);

    /// <summary>
    /// Runs <paramref name="orchestrator"/> over <paramref name="past"/> then <paramref name="messages"/>, and hands back the
    /// live <paramref name="session"/> so the next episode can continue it without replaying (null when the replay failed).
    /// </summary>
    public EpisodeOutcome Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> messages,
        DateTime now,
        string? customStatus,
        out OrchestrationSession? session)
    {
        session = null;
        var started = past.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? messages.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Instance '{instanceId}' has no ExecutionStarted event.");
        var context = new ReplayOrchestrationContext(instanceId, started, loggerFactory, customStatus);
        var run = new OrchestrationSession(orchestrator, context);
        try
        {
            context.Replaying = past.Count > 0;
            foreach (var historyEvent in past)
            {
                run.Apply(historyEvent);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Failed(context, [], ex, now);
        }

        session = run;
        return Continue(run, messages, now);
    }

    /// <summary>Runs the next episode of a live <paramref name="session"/>: its history is already applied, only <paramref name="messages"/> are new.</summary>
    public static EpisodeOutcome Continue(OrchestrationSession session, IReadOnlyList<HistoryEvent> messages, DateTime now)
    {
        var context = session.Context;
        var newHistory = new List<HistoryEvent>();
        var lateEvents = new List<HistoryEvent>();
        try
        {
            context.Replaying = false;
            var episodeStart = new OrchestratorStartedEvent(now);
            newHistory.Add(episodeStart);
            session.Apply(episodeStart);
            foreach (var message in messages)
            {
                if (session.Completed is not null)
                {
                    lateEvents.Add(message); // arrived in the same batch after the orchestrator returned
                    continue;
                }

                newHistory.Add(message);
                session.Apply(message);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Failed(context, newHistory, ex, now);
        }

        // Steps asked for and not found in history are new: record them and start them.
        var actions = session.Completed is null ? context.TakePendingActions() : [];
        newHistory.AddRange(actions.Select(action => ToHistory(action, now)));

        if (session.Completed is not { } completed)
        {
            return new EpisodeOutcome(newHistory, actions, OrchestrationRuntimeStatus.Running, context.SerializedCustomStatus, null, null, null,
                context.TakeCancelledTimers());
        }

        if (completed.IsCompletedSuccessfully && context.ContinueAsNewRequest is { } request)
        {
            // External events nobody consumed yet, buffered or just arrived, go to the next execution.
            var next = request with { CarriedOverEvents = [.. request.CarriedOverEvents, .. request.PreserveUnprocessedEvents ? lateEvents.OfType<EventRaisedEvent>() : []] };
            newHistory.Add(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null));
            return new EpisodeOutcome(newHistory, [], OrchestrationRuntimeStatus.ContinuedAsNew, context.SerializedCustomStatus, next.Input, null, next);
        }

        newHistory.AddRange(lateEvents); // recorded, though they change nothing
        if (completed.IsCompletedSuccessfully)
        {
            var output = DurableJson.Serialize(completed.Result);
            newHistory.Add(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Completed, output, null));
            return new EpisodeOutcome(newHistory, [], OrchestrationRuntimeStatus.Completed, context.SerializedCustomStatus, output, null, null);
        }

        var error = completed.Exception?.InnerException ?? (Exception?)completed.Exception ?? new TaskCanceledException("The orchestrator was cancelled.");
        var details = TaskFailureDetails.FromException(error);
        newHistory.Add(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Failed, null, details));
        return new EpisodeOutcome(newHistory, [], OrchestrationRuntimeStatus.Failed, context.SerializedCustomStatus, null, details, null);
    }

    private static EpisodeOutcome Failed(ReplayOrchestrationContext context, List<HistoryEvent> newHistory, NonDeterministicOrchestrationException ex, DateTime now)
    {
        var failure = TaskFailureDetails.FromException(ex);
        newHistory.Add(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Failed, null, failure));
        return new EpisodeOutcome(newHistory, [], OrchestrationRuntimeStatus.Failed, context.SerializedCustomStatus, null, failure, null);
    }

    private static HistoryEvent ToHistory(OrchestratorAction action, DateTime now) => action switch
    {
        ScheduleTaskAction task => new TaskScheduledEvent(now, task.Id, task.Name, task.Input),
        CreateTimerAction timer => new TimerCreatedEvent(now, timer.Id, timer.FireAt),
        CreateSubOrchestrationAction sub => new SubOrchestrationInstanceCreatedEvent(now, sub.Id, sub.Name, sub.Version, sub.InstanceId, sub.Input),
        _ => throw new InvalidOperationException($"Unknown action {action.GetType().Name}."),
    };
}
