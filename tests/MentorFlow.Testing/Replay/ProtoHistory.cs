using DurableTask.Core;
using DurableTask.Core.History;
using Google.Protobuf.WellKnownTypes;
using P = Microsoft.DurableTask.Protobuf;

namespace MentorFlow.Testing.Replay;

/// <summary>
/// DurableTask.Core history events as the protobuf events a Durable Functions host sends its isolated worker: the
/// inverse of the SDK's <c>ProtoUtils.ConvertHistoryEvent</c>, for the event types the engine stores.
/// </summary>
public static class ProtoHistory
{
    /// <summary>One DurableTask.Core event as a protobuf event.</summary>
    public static P.HistoryEvent Of(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var proto = new P.HistoryEvent { EventId = historyEvent.EventId, Timestamp = Time(historyEvent.Timestamp) };
        switch (historyEvent)
        {
            case ExecutionStartedEvent e:
                proto.ExecutionStarted = new P.ExecutionStartedEvent
                {
                    Name = e.Name ?? string.Empty,
                    Version = e.Version,
                    Input = e.Input,
                    OrchestrationInstance = Instance(e.OrchestrationInstance),
                    ParentInstance = e.ParentInstance is { } parent
                        ? new P.ParentInstanceInfo
                        {
                            TaskScheduledId = parent.TaskScheduleId,
                            Name = parent.Name,
                            Version = parent.Version,
                            OrchestrationInstance = Instance(parent.OrchestrationInstance),
                        }
                        : null,
                    ScheduledStartTimestamp = e.ScheduledStartTime is { } startAt ? Time(startAt) : null,
                };
                break;
            case ExecutionCompletedEvent e:
                proto.ExecutionCompleted = new P.ExecutionCompletedEvent
                {
                    OrchestrationStatus = (P.OrchestrationStatus)e.OrchestrationStatus,
                    Result = e.Result,
                    FailureDetails = Failure(e.FailureDetails),
                };
                break;
            case ExecutionTerminatedEvent e:
                proto.ExecutionTerminated = new P.ExecutionTerminatedEvent { Input = e.Input };
                break;
            case ExecutionSuspendedEvent e:
                proto.ExecutionSuspended = new P.ExecutionSuspendedEvent { Input = e.Reason };
                break;
            case ExecutionResumedEvent e:
                proto.ExecutionResumed = new P.ExecutionResumedEvent { Input = e.Reason };
                break;
            case TaskScheduledEvent e:
                proto.TaskScheduled = new P.TaskScheduledEvent { Name = e.Name ?? string.Empty, Version = e.Version, Input = e.Input };
                break;
            case TaskCompletedEvent e:
                proto.TaskCompleted = new P.TaskCompletedEvent { TaskScheduledId = e.TaskScheduledId, Result = e.Result };
                break;
            case TaskFailedEvent e:
                // The protobuf event has no reason or details, only failure details, as a Durable Functions host sends it.
                proto.TaskFailed = new P.TaskFailedEvent { TaskScheduledId = e.TaskScheduledId, FailureDetails = Failure(e.FailureDetails) };
                break;
            case SubOrchestrationInstanceCreatedEvent e:
                proto.SubOrchestrationInstanceCreated = new P.SubOrchestrationInstanceCreatedEvent
                {
                    Name = e.Name ?? string.Empty,
                    Version = e.Version,
                    InstanceId = e.InstanceId ?? string.Empty,
                    Input = e.Input,
                };
                break;
            case SubOrchestrationInstanceCompletedEvent e:
                proto.SubOrchestrationInstanceCompleted = new P.SubOrchestrationInstanceCompletedEvent { TaskScheduledId = e.TaskScheduledId, Result = e.Result };
                break;
            case SubOrchestrationInstanceFailedEvent e:
                proto.SubOrchestrationInstanceFailed = new P.SubOrchestrationInstanceFailedEvent
                {
                    TaskScheduledId = e.TaskScheduledId,
                    FailureDetails = Failure(e.FailureDetails),
                };
                break;
            case TimerCreatedEvent e:
                proto.TimerCreated = new P.TimerCreatedEvent { FireAt = Time(e.FireAt) };
                break;
            case TimerFiredEvent e:
                proto.TimerFired = new P.TimerFiredEvent { TimerId = e.TimerId, FireAt = Time(e.FireAt) };
                break;
            case EventRaisedEvent e:
                proto.EventRaised = new P.EventRaisedEvent { Name = e.Name ?? string.Empty, Input = e.Input };
                break;
            case EventSentEvent e:
                proto.EventSent = new P.EventSentEvent { InstanceId = e.InstanceId ?? string.Empty, Name = e.Name ?? string.Empty, Input = e.Input };
                break;
            case GenericEvent e:
                proto.GenericEvent = new P.GenericEvent { Data = e.Data };
                break;
            case OrchestratorStartedEvent:
                proto.OrchestratorStarted = new P.OrchestratorStartedEvent();
                break;
            case OrchestratorCompletedEvent:
                proto.OrchestratorCompleted = new P.OrchestratorCompletedEvent();
                break;
            default:
                throw new NotSupportedException($"History event {historyEvent.EventType} has no protobuf form here.");
        }

        return proto;
    }

    // Protobuf timestamps must be UTC; an unspecified kind is taken as UTC, as the SDK's own conversion does.
    private static Timestamp Time(DateTime time) => Timestamp.FromDateTime(time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    });

    private static P.OrchestrationInstance? Instance(OrchestrationInstance? instance) =>
        instance is null ? null : new P.OrchestrationInstance { InstanceId = instance.InstanceId ?? string.Empty, ExecutionId = instance.ExecutionId };

    private static P.TaskFailureDetails? Failure(FailureDetails? failure) => failure is null
        ? null
        : new P.TaskFailureDetails
        {
            ErrorType = failure.ErrorType ?? string.Empty,
            ErrorMessage = failure.ErrorMessage ?? string.Empty,
            StackTrace = failure.StackTrace,
            InnerFailure = Failure(failure.InnerFailure),
            IsNonRetriable = failure.IsNonRetriable,
        };
}
