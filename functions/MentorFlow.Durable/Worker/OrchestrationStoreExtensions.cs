using DurableTask.Core.History;

namespace MentorFlow.Durable.Worker;

/// <summary>One-item forms of the store's batch operations.</summary>
public static class OrchestrationStoreExtensions
{
    /// <summary>Creates the instance with its ExecutionStarted message; false when a non-finished instance with that id exists.</summary>
    public static async Task<bool> TryCreateInstanceAsync(this IOrchestrationStore store, NewInstance instance, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.TryCreateInstancesAsync([instance], now, cancellationToken))[0];
    }

    /// <summary>Leases the next instance that has visible messages, or returns null.</summary>
    public static async Task<OrchestrationWorkItem?> TryLockOrchestrationAsync(
        this IOrchestrationStore store, string workerId, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = await store.LockOrchestrationsAsync(workerId, now, lease, 1, null, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Writes one episode's outcome; throws <see cref="LeaseLostException"/> when the lease was lost.</summary>
    public static async Task CompleteOrchestrationAsync(
        this IOrchestrationStore store, OrchestrationWorkItem workItem, Checkpoint checkpoint, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workItem);
        var lost = await store.CompleteOrchestrationsAsync([new EpisodeCheckpoint(workItem, checkpoint)], now, cancellationToken);
        if (lost.Count > 0)
        {
            throw new LeaseLostException($"Instance '{workItem.Instance.InstanceId}' was taken over by another worker; this episode is discarded.");
        }
    }

    /// <summary>Leases the next visible activity call, or returns null.</summary>
    public static async Task<ActivityWorkItem?> TryLockActivityAsync(
        this IOrchestrationStore store, string workerId, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = await store.LockActivitiesAsync(workerId, now, lease, 1, cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Removes one activity call and queues its result.</summary>
    public static Task CompleteActivityAsync(
        this IOrchestrationStore store, ActivityWorkItem workItem, HistoryEvent result, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.CompleteActivitiesAsync([new ActivityResult(workItem, result)], now, cancellationToken);
    }
}
