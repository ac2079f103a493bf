namespace MentorFlow.Durable.Worker;

/// <summary>How an <see cref="OrchestrationWorker"/> leases, batches and retries work.</summary>
/// <param name="WorkerId">This worker's name in leases; unique per process.</param>
/// <param name="LeaseDuration">How long a leased instance or activity is this worker's; another worker may take it after.</param>
/// <param name="MaxDispatchAttempts">Dispatches of one work item that may crash before it is parked and its instance failed.</param>
/// <param name="DispatchRetryDelay">Wait before a crashed dispatch is tried again.</param>
/// <param name="MissingOrchestratorRetryDelay">Wait before looking again for an instance whose orchestrator this worker lacks.</param>
/// <param name="IdlePollInterval">How often the hosted worker looks for work when there was none.</param>
/// <param name="MaxBatchSize">Instances (or activity calls) leased and checkpointed together in one transaction.</param>
/// <param name="ExtendedSessions">Keep orchestrators live in memory between episodes instead of replaying them each time.</param>
/// <param name="Sessions">A session cache to share with other workers in this process; by default each worker has its own.</param>
/// <param name="InlineActivities">
/// Run the activity calls an episode makes inside that episode, before its checkpoint (like Temporal's local activities):
/// no queued call and no second episode for the result. Activities still run at least once, so they must be idempotent;
/// choose it when they are quick, since the instance's lease is held while they run.
/// </param>
/// <param name="Loops">Worker loops the hosted worker runs at once (one per store partition suits a partitioned store).</param>
public sealed record OrchestrationWorkerOptions(
    string? WorkerId = null,
    TimeSpan? LeaseDuration = null,
    int MaxDispatchAttempts = 5,
    TimeSpan? DispatchRetryDelay = null,
    TimeSpan? MissingOrchestratorRetryDelay = null,
    TimeSpan? IdlePollInterval = null,
    int MaxBatchSize = 100,
    bool ExtendedSessions = true,
    OrchestrationSessionCache? Sessions = null,
    bool InlineActivities = false,
    int Loops = 1)
{
    internal string Id { get; } = WorkerId ?? $"{Environment.MachineName}:{GoneWorkers.ThisProcess}:{Guid.NewGuid():N}";

    internal TimeSpan Lease => LeaseDuration ?? TimeSpan.FromMinutes(2);

    internal TimeSpan RetryDelay => DispatchRetryDelay ?? TimeSpan.FromSeconds(5);

    internal TimeSpan OrchestratorRetryDelay => MissingOrchestratorRetryDelay ?? TimeSpan.FromMinutes(1);

    internal int BatchSize => Math.Max(1, MaxBatchSize);

    internal TimeSpan IdlePoll => IdlePollInterval ?? TimeSpan.FromMilliseconds(250);
}
