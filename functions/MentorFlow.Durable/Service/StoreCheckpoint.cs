using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Service;

/// <summary>Translates between DurableTask.Core's view of an episode and the store's.</summary>
internal static class StoreCheckpoint
{
    /// <summary>
    /// The store's checkpoint for what DurableTask.Core's dispatcher decided: the episode's new events, the activity calls,
    /// the messages for other instances, the timers, and after a continue-as-new the next execution's start.
    /// </summary>
    public static Checkpoint From(
        OrchestrationWorkItem item,
        OrchestrationRuntimeState state,
        IList<TaskMessage>? activities,
        IList<TaskMessage>? orchestratorMessages,
        IList<TaskMessage>? timers,
        TaskMessage? continuedAsNew,
        DateTime now)
    {
        var consumed = item.Messages.Select(m => m.SequenceNumber).ToList();
        var children = new List<NewInstance>();
        var messages = new List<OutgoingMessage>();
        foreach (var message in orchestratorMessages ?? [])
        {
            if (message.Event is ExecutionStartedEvent childStart)
            {
                children.Add(new NewInstance(childStart, now));
            }
            else
            {
                messages.Add(new OutgoingMessage(message.OrchestrationInstance.InstanceId, message.Event, now));
            }
        }

        messages.AddRange((timers ?? []).Select(t => new OutgoingMessage(item.Instance.InstanceId, t.Event, ((TimerFiredEvent)t.Event).FireAt)));
        var newActivities = (activities ?? []).Select(a => (TaskScheduledEvent)a.Event).Select(s => new NewActivity(s.EventId, s.Name ?? string.Empty, s.Input)).ToList();
        if (continuedAsNew?.Event is ExecutionStartedEvent next)
        {
            // The next execution starts from its ExecutionStarted message; the store drops the old history and its pending work.
            messages.Add(new OutgoingMessage(item.Instance.InstanceId, next, now));
            return new Checkpoint(OrchestrationStatus.Running, state.Status, null, null, next.OrchestrationInstance.ExecutionId, [], consumed, [], children, messages, next.Input);
        }

        if (state.ExecutionStartedEvent is null)
        {
            // Nothing started (messages for an instance whose start never came): they are consumed, nothing else changes.
            return new Checkpoint(item.Instance.Status, item.Instance.CustomStatus, null, null, item.Instance.ExecutionId, [], consumed, [], [], []);
        }

        // DurableTask.Core's dispatcher runs a continued-as-new execution in the same work item: the state it hands over
        // is then the new execution's, whole, and the store replaces the old history with it.
        var executionId = state.OrchestrationInstance!.ExecutionId;
        var newExecution = executionId != item.Instance.ExecutionId;
        var completed = state.ExecutionCompletedEvent;
        return new Checkpoint(
            state.OrchestrationStatus,
            state.Status,
            completed?.Result,
            completed?.FailureDetails,
            executionId,
            [.. newExecution ? state.Events : state.NewEvents],
            consumed,
            newActivities,
            children,
            messages,
            newExecution ? state.Input : null);
    }

    /// <summary>DurableTask.Core's state of a stored instance.</summary>
    public static OrchestrationState StateOf(InstanceRecord instance) => new()
    {
        Name = instance.Name,
        Version = instance.Version,
        OrchestrationInstance = new OrchestrationInstance { InstanceId = instance.InstanceId, ExecutionId = instance.ExecutionId },
        OrchestrationStatus = instance.Status,
        Input = instance.Input,
        Output = instance.Output,
        Status = instance.CustomStatus,
        CreatedTime = instance.CreatedAt,
        LastUpdatedTime = instance.LastUpdatedAt,
        CompletedTime = instance.IsFinished ? instance.LastUpdatedAt : DateTime.MaxValue,
        FailureDetails = instance.Failure,
    };
}
