using DurableTask.Core.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Partitions;

/// <summary>
/// Instances spread over several stores by <see cref="PartitionKey"/>, each with its own writer, so workers write to
/// different partitions at the same time instead of queueing for one database's single writer (as Durable Task
/// Netherite partitions its instances). A worker's lease takes work from one partition at a time, taking turns.
/// </summary>
/// <remarks>
/// Within a partition every method keeps its store's promise (one transaction per call). Across partitions:
/// a batch of new instances or activity results is one transaction per partition; a batch of messages is still all
/// or none, checked in every partition before any is written (an instance purged between the check and the write is
/// the one gap); and what an episode sends to an instance in another partition (a sub-orchestration, its result for
/// its parent) is queued there just before the episode's checkpoint, so it arrives at least once: a retried episode
/// may send it twice, and the engine ignores the second result and the second start of a running child.
/// </remarks>
public sealed class PartitionedOrchestrationStore : IOrchestrationStore
{
    private readonly IReadOnlyList<IOrchestrationStore> _partitions;
    private int _turn = -1;

    /// <summary>Spreads instances over <paramref name="partitions"/>, in this fixed order (an instance's partition is its index).</summary>
    public PartitionedOrchestrationStore(IReadOnlyList<IOrchestrationStore> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions.Count, 1, nameof(partitions));
        _partitions = partitions;
    }

    /// <summary>The partitions, in order.</summary>
    public IReadOnlyList<IOrchestrationStore> Partitions => _partitions;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var created = new bool[instances.Count];
        await ForEachPartitionAsync(Split(instances, instance => instance.InstanceId), async (partition, part) =>
        {
            var results = await partition.TryCreateInstancesAsync([.. part.Select(p => p.Item)], now, cancellationToken);
            for (var i = 0; i < part.Count; i++)
            {
                created[part[i].Index] = results[i];
            }
        });
        return created;
    }

    /// <inheritdoc/>
    public Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken) =>
        PartitionOf(instanceId).EnqueueMessageAsync(instanceId, message, visibleAt, cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var byPartition = Split(messages, message => message.InstanceId);
        if (byPartition.Count == 1)
        {
            var (index, part) = byPartition.First();
            return await _partitions[index].EnqueueMessagesAsync([.. part.Select(p => p.Item)], cancellationToken);
        }

        // All or none across partitions: nothing is written until every partition has every instance.
        var missing = await FindMissingInstancesAsync([.. messages.Select(message => message.InstanceId)], cancellationToken);
        if (missing.Count > 0)
        {
            return missing;
        }

        var stillMissing = new List<string>();
        await ForEachPartitionAsync(byPartition, async (partition, part) =>
        {
            var gone = await partition.EnqueueMessagesAsync([.. part.Select(p => p.Item)], cancellationToken);
            lock (stillMissing)
            {
                stillMissing.AddRange(gone);
            }
        });
        return stillMissing;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        var ids = instanceIds.Distinct(StringComparer.Ordinal).ToList();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        await ForEachPartitionAsync(Split(ids, id => id), async (partition, part) =>
        {
            var gone = await partition.FindMissingInstancesAsync([.. part.Select(p => p.Item)], cancellationToken);
            lock (missing)
            {
                missing.UnionWith(gone);
            }
        });
        return [.. ids.Where(missing.Contains)];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken) =>
        FirstDueAsync(partition => partition.LockOrchestrationsAsync(workerId, now, lease, maxCount, knownHistories, cancellationToken));

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var lost = new List<string>();
        foreach (var (index, part) in Split(episodes, episode => episode.WorkItem.Instance.InstanceId))
        {
            var local = new List<EpisodeCheckpoint>(part.Count);
            foreach (var (_, episode) in part)
            {
                local.Add(await SendAcrossAsync(index, episode, now, cancellationToken));
            }

            lost.AddRange(await _partitions[index].CompleteOrchestrationsAsync(local, now, cancellationToken));
        }

        return lost;
    }

    /// <inheritdoc/>
    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return PartitionOf(workItem.Instance.InstanceId).AbandonOrchestrationAsync(workItem, reason, retryAt, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken) =>
        FirstDueAsync(partition => partition.LockActivitiesAsync(workerId, now, lease, maxCount, cancellationToken));

    /// <inheritdoc/>
    public Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        return ForEachPartitionAsync(Split(results, result => result.WorkItem.InstanceId),
            (partition, part) => partition.CompleteActivitiesAsync([.. part.Select(p => p.Item)], now, cancellationToken));
    }

    /// <inheritdoc/>
    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        PartitionOf(instanceId).GetInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public async Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_partitions.Count == 1)
        {
            return await _partitions[0].QueryInstancesAsync(query, cancellationToken);
        }

        // Each partition's first page after the token; the first PageSize of them all, in order, are the page.
        var pages = await Task.WhenAll(_partitions.Select(partition => partition.QueryInstancesAsync(query, cancellationToken)));
        var merged = pages.SelectMany(page => page.Instances)
            .OrderBy(instance => PageToken.UnixMilliseconds(instance.CreatedAt))
            .ThenBy(instance => instance.InstanceId, StringComparer.Ordinal)
            .ToList();
        var page = merged.Take(query.PageSize).ToList();
        var more = merged.Count > query.PageSize || pages.Any(p => p.ContinuationToken is not null);
        return new InstancePage(page, more && page.Count > 0 ? PageToken.After(page[^1].CreatedAt, page[^1].InstanceId) : null);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        PartitionOf(instanceId).GetHistoryAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        PartitionOf(instanceId).PurgeInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public async Task<int> ReleaseLeasesOfGoneWorkersAsync(Func<string, bool> isGone, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var partition in _partitions)
        {
            released += await partition.ReleaseLeasesOfGoneWorkersAsync(isGone, cancellationToken);
        }

        return released;
    }

    private IOrchestrationStore PartitionOf(string instanceId) => _partitions[PartitionKey.Of(instanceId, _partitions.Count)];

    // The first partition in turn that has due work leases it: the next call starts from the next partition, so the
    // workers spread over the partitions, and a lease never spans two of them.
    private async Task<IReadOnlyList<T>> FirstDueAsync<T>(Func<IOrchestrationStore, Task<IReadOnlyList<T>>> lease)
    {
        var first = (int)((uint)Interlocked.Increment(ref _turn) % (uint)_partitions.Count);
        for (var i = 0; i < _partitions.Count; i++)
        {
            var items = await lease(_partitions[(first + i) % _partitions.Count]);
            if (items.Count > 0)
            {
                return items;
            }
        }

        return [];
    }

    // What the episode sends to other partitions is queued there first; the checkpoint keeps the rest.
    private async Task<EpisodeCheckpoint> SendAcrossAsync(int partition, EpisodeCheckpoint episode, DateTime now, CancellationToken cancellationToken)
    {
        var checkpoint = episode.Checkpoint;
        bool Here(string instanceId) => PartitionKey.Of(instanceId, _partitions.Count) == partition;
        if (checkpoint.Messages.All(message => Here(message.InstanceId)) && checkpoint.NewInstances.All(child => Here(child.InstanceId)))
        {
            return episode;
        }

        foreach (var child in checkpoint.NewInstances.Where(child => !Here(child.InstanceId)))
        {
            await PartitionOf(child.InstanceId).TryCreateInstancesAsync([child], now, cancellationToken);
        }

        foreach (var message in checkpoint.Messages.Where(message => !Here(message.InstanceId)))
        {
            // As within a partition: a message for an instance that no longer exists is dropped.
            await PartitionOf(message.InstanceId).EnqueueMessageAsync(message.InstanceId, message.Event, message.VisibleAt, cancellationToken);
        }

        return episode with
        {
            Checkpoint = checkpoint with
            {
                Messages = [.. checkpoint.Messages.Where(message => Here(message.InstanceId))],
                NewInstances = [.. checkpoint.NewInstances.Where(child => Here(child.InstanceId))],
            },
        };
    }

    // The items grouped by partition, each with its index in the whole list, partitions in order.
    private SortedDictionary<int, List<(int Index, T Item)>> Split<T>(IReadOnlyList<T> items, Func<T, string> instanceId)
    {
        var byPartition = new SortedDictionary<int, List<(int Index, T Item)>>();
        for (var i = 0; i < items.Count; i++)
        {
            var partition = PartitionKey.Of(instanceId(items[i]), _partitions.Count);
            if (!byPartition.TryGetValue(partition, out var part))
            {
                byPartition[partition] = part = [];
            }

            part.Add((i, items[i]));
        }

        return byPartition;
    }

    // Runs the partitions' shares (from Split) at the same time: each partition has its own writer.
    private Task ForEachPartitionAsync<T>(SortedDictionary<int, List<(int Index, T Item)>> byPartition, Func<IOrchestrationStore, List<(int Index, T Item)>, Task> write) =>
        byPartition.Count == 1
            ? write(_partitions[byPartition.Keys.First()], byPartition.Values.First())
            : Task.WhenAll(byPartition.Select(pair => Task.Run(() => write(_partitions[pair.Key], pair.Value))));
}
