using System.Text.Json.Serialization;

namespace MentorFlow.Durable.History;

/// <summary>
/// One entry in an instance's history, as in the Durable Task Framework. An orchestrator is
/// replayed from these; the ones delivered from outside (started, completed, fired, raised) also
/// travel as messages to the instance.
/// </summary>
/// <param name="Timestamp">When the event happened (UTC, from the engine's clock).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecutionStartedEvent), "ExecutionStarted")]
[JsonDerivedType(typeof(OrchestratorStartedEvent), "OrchestratorStarted")]
[JsonDerivedType(typeof(TaskScheduledEvent), "TaskScheduled")]
[JsonDerivedType(typeof(TaskCompletedEvent), "TaskCompleted")]
[JsonDerivedType(typeof(TaskFailedEvent), "TaskFailed")]
[JsonDerivedType(typeof(TimerCreatedEvent), "TimerCreated")]
[JsonDerivedType(typeof(TimerFiredEvent), "TimerFired")]
[JsonDerivedType(typeof(EventRaisedEvent), "EventRaised")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), "SubOrchestrationInstanceCreated")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), "SubOrchestrationInstanceCompleted")]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), "SubOrchestrationInstanceFailed")]
[JsonDerivedType(typeof(ExecutionCompletedEvent), "ExecutionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), "ExecutionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), "ExecutionSuspended")]
[JsonDerivedType(typeof(ExecutionResumedEvent), "ExecutionResumed")]
public abstract record HistoryEvent(DateTime Timestamp)
{
    /// <summary>The event's type name, as stored.</summary>
    [JsonIgnore]
    public string EventType => GetType().Name[..^"Event".Length];
}

/// <summary>The instance (or a new execution after continue-as-new) started.</summary>
public sealed record ExecutionStartedEvent(DateTime Timestamp, string Name, string Version, string ExecutionId, string? Input, ParentInstance? Parent = null)
    : HistoryEvent(Timestamp);

/// <summary>The orchestration that called this one as a sub-orchestration.</summary>
public sealed record ParentInstance(string InstanceId, int TaskScheduledId);

/// <summary>An episode began; its timestamp is the orchestrator's current time.</summary>
public sealed record OrchestratorStartedEvent(DateTime Timestamp) : HistoryEvent(Timestamp);

/// <summary>The orchestrator called an activity at step <paramref name="EventId"/>.</summary>
public sealed record TaskScheduledEvent(DateTime Timestamp, int EventId, string Name, string? Input) : HistoryEvent(Timestamp);

/// <summary>An activity returned.</summary>
public sealed record TaskCompletedEvent(DateTime Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(Timestamp);

/// <summary>An activity threw, or its dispatch was given up as poison.</summary>
public sealed record TaskFailedEvent(DateTime Timestamp, int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent(Timestamp);

/// <summary>The orchestrator created a durable timer at step <paramref name="EventId"/>.</summary>
public sealed record TimerCreatedEvent(DateTime Timestamp, int EventId, DateTime FireAt) : HistoryEvent(Timestamp);

/// <summary>A durable timer fired.</summary>
public sealed record TimerFiredEvent(DateTime Timestamp, int TimerId, DateTime FireAt) : HistoryEvent(Timestamp);

/// <summary>An external event arrived.</summary>
public sealed record EventRaisedEvent(DateTime Timestamp, string Name, string? Input) : HistoryEvent(Timestamp);

/// <summary>The orchestrator started a sub-orchestration at step <paramref name="EventId"/>.</summary>
public sealed record SubOrchestrationInstanceCreatedEvent(DateTime Timestamp, int EventId, string Name, string? Version, string InstanceId, string? Input)
    : HistoryEvent(Timestamp);

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationInstanceCompletedEvent(DateTime Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(Timestamp);

/// <summary>A sub-orchestration failed or was terminated.</summary>
public sealed record SubOrchestrationInstanceFailedEvent(DateTime Timestamp, int TaskScheduledId, TaskFailureDetails Failure) : HistoryEvent(Timestamp);

/// <summary>The execution ended: completed, failed, or continued as new.</summary>
public sealed record ExecutionCompletedEvent(DateTime Timestamp, OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? Failure)
    : HistoryEvent(Timestamp);

/// <summary>The instance was terminated from outside.</summary>
public sealed record ExecutionTerminatedEvent(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>The instance was suspended from outside.</summary>
public sealed record ExecutionSuspendedEvent(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);

/// <summary>The instance was resumed from outside.</summary>
public sealed record ExecutionResumedEvent(DateTime Timestamp, string? Reason) : HistoryEvent(Timestamp);
