using DurableTask.Core.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Functions.Tests.Engine;

/// <summary>The app's engine store (our own interface) that refuses raised events while <see cref="Refuses"/> is set, as an engine that cannot be reached would.</summary>
internal sealed class UnreachableEngineStore(IOrchestrationStore inner) : IOrchestrationStore
{
    public bool Refuses { get; set; }

    public Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken) =>
        inner.TryCreateInstancesAsync(instances, now, cancellationToken);

    public Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken) =>
        Refuses ? throw new IOException("the engine cannot be reached") : inner.EnqueueMessageAsync(instanceId, message, visibleAt, cancellationToken);

    public Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Refuses ? throw new IOException("the engine cannot be reached") : inner.EnqueueMessagesAsync(messages, cancellationToken);

    public Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        inner.FindMissingInstancesAsync(instanceIds, cancellationToken);

    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken) =>
        inner.LockOrchestrationsAsync(workerId, now, lease, maxCount, knownHistories, cancellationToken);

    public Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken) =>
        inner.CompleteOrchestrationsAsync(episodes, now, cancellationToken);

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken) =>
        inner.AbandonOrchestrationAsync(workItem, reason, retryAt, cancellationToken);

    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken) =>
        inner.LockActivitiesAsync(workerId, now, lease, maxCount, cancellationToken);

    public Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken) =>
        inner.CompleteActivitiesAsync(results, now, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.PurgeInstanceAsync(instanceId, cancellationToken);
}
