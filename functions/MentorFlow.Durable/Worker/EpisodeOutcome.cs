using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// What one episode adds: the history events to write and the work its orchestrator asked for, turned from
/// DurableTask.Core's actions into events and messages as Durable Task's dispatchers do. Every event is stamped with
/// the episode's time, which comes from the worker's clock.
/// </summary>
internal sealed class EpisodeOutcome(DateTime now)
{
    /// <summary>The events to append to the history, in order.</summary>
    public List<HistoryEvent> History { get; } = [];

    /// <summary>Activity calls to queue.</summary>
    public List<NewActivity> Activities { get; } = [];

    /// <summary>Sub-orchestrations to create.</summary>
    public List<NewInstance> Children { get; } = [];

    /// <summary>Messages for this or other instances (timers, events, a parent's result).</summary>
    public List<OutgoingMessage> Messages { get; } = [];

    /// <summary>True once the orchestrator continued as new in this episode: <see cref="History"/> is the new execution's.</summary>
    public bool NewExecution { get; private set; }

    /// <summary>A new event of this episode, stamped with its time.</summary>
    public T Stamp<T>(T historyEvent)
        where T : HistoryEvent
    {
        historyEvent.Timestamp = now;
        return historyEvent;
    }

    /// <summary>Moves the runtime state's new events into <see cref="History"/>, leaving them for the next round empty.</summary>
    public void TakeNewEvents(OrchestrationRuntimeState state)
    {
        History.AddRange(state.NewEvents);
        state.NewEvents.Clear();
    }

    /// <summary>
    /// Applies the orchestrator's actions to <paramref name="state"/>; returns the next execution's state when it
    /// continued as new (this outcome then starts over with it), otherwise null.
    /// </summary>
    public OrchestrationRuntimeState? Apply(OrchestratorExecutionResult result, OrchestrationRuntimeState state)
    {
        state.Status = result.CustomStatus;
        var instance = state.OrchestrationInstance!;
        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case ScheduleTaskOrchestratorAction task:
                    ArgumentException.ThrowIfNullOrEmpty(task.Name, nameof(result));
                    state.AddEvent(Stamp(new TaskScheduledEvent(task.Id, task.Name, task.Version, task.Input)));
                    Activities.Add(new NewActivity(task.Id, task.Name, task.Input));
                    break;
                case CreateTimerOrchestratorAction timer:
                    state.AddEvent(Stamp(new TimerCreatedEvent(timer.Id, timer.FireAt)));
                    // A timer is one queued message that becomes visible when it fires: any length costs the same.
                    Messages.Add(new OutgoingMessage(instance.InstanceId, new TimerFiredEvent(-1, timer.FireAt) { TimerId = timer.Id, Timestamp = timer.FireAt }, timer.FireAt));
                    break;
                case CreateSubOrchestrationAction sub:
                    state.AddEvent(Stamp(new SubOrchestrationInstanceCreatedEvent(sub.Id) { Name = sub.Name, Version = sub.Version, InstanceId = sub.InstanceId, Input = sub.Input }));
                    Children.Add(new NewInstance(Stamp(new ExecutionStartedEvent(-1, sub.Input)
                    {
                        Name = sub.Name,
                        Version = sub.Version,
                        OrchestrationInstance = new OrchestrationInstance { InstanceId = sub.InstanceId, ExecutionId = Guid.NewGuid().ToString("N") },
                        ParentInstance = new ParentInstance
                        {
                            OrchestrationInstance = instance,
                            Name = state.Name,
                            Version = state.Version,
                            TaskScheduleId = sub.Id,
                        },
                    }), now));
                    break;
                case SendEventOrchestratorAction send:
                    ArgumentNullException.ThrowIfNull(send.Instance, nameof(result));
                    state.AddEvent(Stamp(new EventSentEvent(send.Id) { InstanceId = send.Instance.InstanceId, Name = send.EventName, Input = send.EventData }));
                    Messages.Add(new OutgoingMessage(send.Instance.InstanceId, Stamp(new EventRaisedEvent(-1, send.EventData) { Name = send.EventName }), now));
                    break;
                case OrchestrationCompleteOrchestratorAction { OrchestrationStatus: OrchestrationStatus.ContinuedAsNew } continued:
                    return ContinueAsNew(continued, state);
                case OrchestrationCompleteOrchestratorAction complete:
                    state.AddEvent(Stamp(new ExecutionCompletedEvent(complete.Id, complete.Result, complete.OrchestrationStatus, complete.FailureDetails)));
                    NotifyParent(state, complete.OrchestrationStatus == OrchestrationStatus.Completed ? null : complete.FailureDetails ?? Failed(complete), complete.Result);
                    break;
                default:
                    throw new NotSupportedException($"The orchestrator asked for {action.GetType().Name}, which this engine does not run.");
            }
        }

        return null;
    }

    /// <summary>Tells the parent of a finished sub-orchestration how it ended.</summary>
    public void NotifyParent(OrchestrationRuntimeState state, FailureDetails? failure, string? result)
    {
        if (state.ParentInstance is not { } parent)
        {
            return;
        }

        HistoryEvent message = failure is null
            ? new SubOrchestrationInstanceCompletedEvent(-1, parent.TaskScheduleId, result)
            : new SubOrchestrationInstanceFailedEvent(-1, parent.TaskScheduleId, failure.ErrorMessage, null, failure);
        Messages.Add(new OutgoingMessage(parent.OrchestrationInstance.InstanceId, Stamp(message), now));
    }

    private static FailureDetails Failed(OrchestrationCompleteOrchestratorAction complete) =>
        new(complete.OrchestrationStatus.ToString(), complete.Result ?? $"The orchestration ended {complete.OrchestrationStatus}.", null, null, isNonRetriable: true);

    // The old execution's pending work goes with it; events it sent to itself, and those it had not handled, start the new one.
    private OrchestrationRuntimeState ContinueAsNew(OrchestrationCompleteOrchestratorAction continued, OrchestrationRuntimeState state)
    {
        var instanceId = state.OrchestrationInstance!.InstanceId;
        var carried = Messages.Where(m => m.Event is EventRaisedEvent && string.Equals(m.InstanceId, instanceId, StringComparison.Ordinal))
            .Select(m => m.Event)
            .Concat(continued.CarryoverEvents ?? [])
            .ToList();
        History.Clear();
        Activities.Clear();
        Children.Clear();
        Messages.Clear();
        NewExecution = true;

        var next = new OrchestrationRuntimeState();
        next.AddEvent(Stamp(new OrchestratorStartedEvent(-1)));
        next.AddEvent(Stamp(new ExecutionStartedEvent(-1, continued.Result)
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            Tags = state.Tags,
            ParentInstance = state.ParentInstance,
            Name = state.Name,
            Version = continued.NewVersion ?? state.Version,
        }));
        next.Status = state.Status;
        foreach (var carriedEvent in carried)
        {
            next.AddEvent(carriedEvent);
        }

        return next;
    }
}
