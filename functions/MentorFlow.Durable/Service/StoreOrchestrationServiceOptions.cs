namespace MentorFlow.Durable.Service;

/// <summary>How a <see cref="StoreOrchestrationService"/> leases and polls.</summary>
/// <param name="LeaseDuration">How long a leased work item is this service's before another worker may take it.</param>
/// <param name="BatchSize">Work items leased from the store in one transaction and handed out one by one.</param>
/// <param name="MaxConcurrentWorkItems">Work items DurableTask.Core's dispatchers may run at once.</param>
/// <param name="PollInterval">How often an idle service asks the store again (real time).</param>
/// <param name="RetryDelay">Wait before abandoned work is tried again.</param>
public sealed record StoreOrchestrationServiceOptions(
    TimeSpan? LeaseDuration = null,
    int BatchSize = 50,
    int MaxConcurrentWorkItems = 50,
    TimeSpan? PollInterval = null,
    TimeSpan? RetryDelay = null)
{
    internal TimeSpan Lease => LeaseDuration ?? TimeSpan.FromMinutes(2);

    internal TimeSpan Poll => PollInterval ?? TimeSpan.FromMilliseconds(50);

    internal TimeSpan Retry => RetryDelay ?? TimeSpan.FromSeconds(5);
}
