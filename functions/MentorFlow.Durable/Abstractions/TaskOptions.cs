namespace MentorFlow.Durable;

/// <summary>Options for one activity call.</summary>
/// <param name="Retry">Retry policy; none means one attempt.</param>
public record TaskOptions(RetryPolicy? Retry = null);

/// <summary>Options for one sub-orchestration call.</summary>
/// <param name="InstanceId">The child's instance id; a deterministic one is made when null.</param>
/// <param name="Version">The child's orchestrator version; the newest registered when null.</param>
/// <param name="Retry">Retry policy; none means one attempt.</param>
public sealed record SubOrchestrationOptions(string? InstanceId = null, string? Version = null, RetryPolicy? Retry = null) : TaskOptions(Retry);
