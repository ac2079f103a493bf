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
        string? customStatus)
    {
        var started = past.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? messages.OfType<ExecutionStartedEvent>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Instance '{instanceId}' has no ExecutionStarted event.");
        var context = new ReplayOrchestrationContext(instanceId, started, loggerFactory, customStatus);
        var run = new Run(orchestrator, context);
        var newHistory = new List<HistoryEvent>();
        var lateEvents = new List<HistoryEvent>();

        try
        {
            context.Replaying = past.Count > 0;
            foreach (var historyEvent in past)
            {
                run.Apply(historyEvent);
            }

            context.Replaying = false;
            var episodeStart = new OrchestratorStartedEvent(now);
            newHistory.Add(episodeStart);
            run.Apply(episodeStart);
            foreach (var message in messages)
            {
                if (run.Completed is not null)
                {
                    lateEvents.Add(message); // arrived in the same batch after the orchestrator returned
                    continue;
                }

                newHistory.Add(message);
                run.Apply(message);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            var failure = TaskFailureDetails.FromException(ex);
            newHistory.Add(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Failed, null, failure));
            return new EpisodeOutcome(newHistory, [], OrchestrationRuntimeStatus.Failed, context.SerializedCustomStatus, null, failure, null);
        }

        // Steps asked for and not found in history are new: record them and start them.
        var actions = run.Completed is null ? context.PendingActions.ToList() : [];
        newHistory.AddRange(actions.Select(action => ToHistory(action, now)));

        if (run.Completed is not { } completed)
        {
            return new EpisodeOutcome(newHistory, actions, OrchestrationRuntimeStatus.Running, context.SerializedCustomStatus, null, null, null);
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

    private static HistoryEvent ToHistory(OrchestratorAction action, DateTime now) => action switch
    {
        ScheduleTaskAction task => new TaskScheduledEvent(now, task.Id, task.Name, task.Input),
        CreateTimerAction timer => new TimerCreatedEvent(now, timer.Id, timer.FireAt),
        CreateSubOrchestrationAction sub => new SubOrchestrationInstanceCreatedEvent(now, sub.Id, sub.Name, sub.Version, sub.InstanceId, sub.Input),
        _ => throw new InvalidOperationException($"Unknown action {action.GetType().Name}."),
    };

    // One orchestrator function running on its own single-threaded scheduler.
    private sealed class Run(ITaskOrchestrator orchestrator, ReplayOrchestrationContext context)
    {
        private readonly OrchestrationTaskScheduler _scheduler = new();
        private Task<object?>? _function;

        /// <summary>The orchestrator function once it has returned or thrown.</summary>
        public Task<object?>? Completed => _function is { IsCompleted: true } done ? done : null;

        public void Apply(HistoryEvent historyEvent)
        {
            if (Completed is not null)
            {
                return; // events after the orchestrator finished change nothing
            }

            switch (historyEvent)
            {
                case OrchestratorStartedEvent episode:
                    context.CurrentTime = episode.Timestamp;
                    break;
                case ExecutionStartedEvent started:
                    var input = DurableJson.Deserialize(started.Input, orchestrator.InputType);
                    _function = Task.Factory.StartNew(
                        () => orchestrator.RunAsync(context, input),
                        CancellationToken.None,
                        TaskCreationOptions.None,
                        _scheduler).Unwrap();
                    break;
                case TaskScheduledEvent scheduled:
                    context.MatchHistory(new ScheduleTaskAction(scheduled.EventId, scheduled.Name, scheduled.Input));
                    break;
                case TimerCreatedEvent timer:
                    context.MatchHistory(new CreateTimerAction(timer.EventId, timer.FireAt));
                    break;
                case SubOrchestrationInstanceCreatedEvent sub:
                    context.MatchHistory(new CreateSubOrchestrationAction(sub.EventId, sub.Name, sub.Version, sub.InstanceId, sub.Input));
                    break;
                case TaskCompletedEvent completed:
                    context.Complete(completed.TaskScheduledId, completed.Result);
                    break;
                case TaskFailedEvent failed:
                    context.Fail(failed.TaskScheduledId, failed.Failure);
                    break;
                case TimerFiredEvent fired:
                    context.Complete(fired.TimerId, null);
                    break;
                case SubOrchestrationInstanceCompletedEvent subCompleted:
                    context.Complete(subCompleted.TaskScheduledId, subCompleted.Result);
                    break;
                case SubOrchestrationInstanceFailedEvent subFailed:
                    context.Fail(subFailed.TaskScheduledId, subFailed.Failure);
                    break;
                case EventRaisedEvent raised:
                    context.Deliver(raised);
                    break;
                default:
                    break; // suspend, resume, completion markers: bookkeeping only
            }

            _scheduler.RunPending();
        }
    }
}
