namespace MentorFlow.Durable;

/// <summary>Options for starting an orchestration instance.</summary>
/// <param name="InstanceId">The caller's id for the instance; a new GUID when null.</param>
/// <param name="StartAt">When its first step may run (UTC); now when null.</param>
/// <param name="Version">The orchestrator version to run; the newest registered when null.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTime? StartAt = null, string? Version = null);

/// <summary>One instance to start, for <see cref="DurableTaskClient.ScheduleNewOrchestrationInstancesAsync"/>.</summary>
/// <param name="OrchestratorName">The registered orchestrator.</param>
/// <param name="Input">Its input.</param>
/// <param name="Options">Its id, start time and version.</param>
public sealed record NewOrchestration(string OrchestratorName, object? Input = null, StartOrchestrationOptions? Options = null);

/// <summary>Limits the client enforces on what it is given.</summary>
/// <param name="MaxPayloadBytes">Largest serialized input or event payload, in UTF-8 bytes.</param>
/// <param name="MaxInstanceIdLength">Longest instance id.</param>
/// <param name="CompletionPollInterval">How often <see cref="DurableTaskClient.WaitForInstanceCompletionAsync"/> looks.</param>
public sealed record DurableTaskClientOptions(int MaxPayloadBytes = 256 * 1024, int MaxInstanceIdLength = 256, TimeSpan? CompletionPollInterval = null);

/// <summary>What a purge removed.</summary>
/// <param name="PurgedInstanceCount">Instances removed (0 or 1 for one id).</param>
public sealed record PurgeResult(int PurgedInstanceCount);
