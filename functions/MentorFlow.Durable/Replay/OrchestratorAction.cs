namespace MentorFlow.Durable.Replay;

/// <summary>A durable step the orchestrator asked for in this episode, numbered by its event id.</summary>
internal abstract record OrchestratorAction(int Id);

/// <summary>Call an activity.</summary>
internal sealed record ScheduleTaskAction(int Id, string Name, string? Input) : OrchestratorAction(Id);

/// <summary>Start a durable timer.</summary>
internal sealed record CreateTimerAction(int Id, DateTime FireAt) : OrchestratorAction(Id);

/// <summary>Start a child orchestration.</summary>
internal sealed record CreateSubOrchestrationAction(int Id, string Name, string? Version, string InstanceId, string? Input) : OrchestratorAction(Id);
