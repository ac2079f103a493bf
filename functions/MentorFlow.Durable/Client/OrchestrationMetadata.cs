using MentorFlow.Durable.History;

namespace MentorFlow.Durable;

/// <summary>What a client can read about an instance.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Version">The orchestrator version it runs.</param>
/// <param name="RuntimeStatus">Where it is in its life.</param>
/// <param name="CreatedAt">When it was scheduled (UTC).</param>
/// <param name="LastUpdatedAt">When it last changed (UTC).</param>
/// <param name="SerializedInput">Its input (JSON).</param>
/// <param name="SerializedOutput">Its output (JSON), when completed.</param>
/// <param name="SerializedCustomStatus">Its custom status (JSON).</param>
/// <param name="FailureDetails">Why it failed, when it did.</param>
/// <param name="WaitingReason">Why it waits without running (e.g. no worker has its version), when it does.</param>
public sealed record OrchestrationMetadata(
    string InstanceId,
    string Name,
    string Version,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    TaskFailureDetails? FailureDetails,
    string? WaitingReason)
{
    /// <summary>True once it completed, failed or was terminated.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>The input read as <typeparamref name="T"/>.</summary>
    public T? ReadInputAs<T>() => DurableJson.Deserialize<T>(SerializedInput);

    /// <summary>The output read as <typeparamref name="T"/>.</summary>
    public T? ReadOutputAs<T>() => DurableJson.Deserialize<T>(SerializedOutput);

    /// <summary>The custom status read as <typeparamref name="T"/>.</summary>
    public T? ReadCustomStatusAs<T>() => DurableJson.Deserialize<T>(SerializedCustomStatus);
}
