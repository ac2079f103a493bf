using DurableTask.Core.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Testing;

/// <summary>
/// An engine store (our own interface) that passes every call to <paramref name="inner"/>: tests derive from it and
/// override only the calls they watch or break.
/// </summary>
public abstract class DelegatingOrchestrationStore(IOrchestrationStore inner) : IOrchestrationStore
{
    /// <summary>The store calls go to.</summary>
    protected IOrchestrationStore Inner { get; } = inner;

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken) =>
        Inner.TryCreateInstancesAsync(instances, now, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken) =>
        Inner.EnqueueMessageAsync(instanceId, message, visibleAt, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Inner.EnqueueMessagesAsync(messages, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        Inner.FindMissingInstancesAsync(instanceIds, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken) =>
        Inner.LockOrchestrationsAsync(workerId, now, lease, maxCount, knownHistories, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken) =>
        Inner.CompleteOrchestrationsAsync(episodes, now, cancellationToken);

    /// <inheritdoc/>
    public virtual Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken) =>
        Inner.AbandonOrchestrationAsync(workItem, reason, retryAt, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken) =>
        Inner.LockActivitiesAsync(workerId, now, lease, maxCount, cancellationToken);

    /// <inheritdoc/>
    public virtual Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken) =>
        Inner.CompleteActivitiesAsync(results, now, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => Inner.GetInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) => Inner.QueryInstancesAsync(query, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => Inner.GetHistoryAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => Inner.PurgeInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<int> ReleaseLeasesOfGoneWorkersAsync(Func<string, bool> isGone, CancellationToken cancellationToken) =>
        Inner.ReleaseLeasesOfGoneWorkersAsync(isGone, cancellationToken);
}
