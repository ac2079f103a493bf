using MentorFlow.Durable.History;

namespace MentorFlow.Durable.Replay;

/// <summary>
/// One orchestrator function running on its own single-threaded scheduler, fed its history event by event.
/// Kept between episodes (an extended session), it continues from where it waits without replaying.
/// </summary>
internal sealed class OrchestrationSession(ITaskOrchestrator orchestrator, ReplayOrchestrationContext context)
{
    private readonly OrchestrationTaskScheduler _scheduler = new();
    private Task<object?>? _function;

    /// <summary>The context the function runs against.</summary>
    public ReplayOrchestrationContext Context => context;

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
