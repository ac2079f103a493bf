namespace MentorFlow.Durable.Worker;

/// <summary>
/// Orchestrators kept live in memory between episodes (extended sessions), so a worker neither reads nor replays
/// their history again. An entry is valid only for the execution and history length it was left at; anything else
/// (another worker wrote in between, a restart, an eviction) falls back to replay from the stored history.
/// Workers in one process may share one cache: only the worker holding an instance's lease takes its session.
/// </summary>
/// <param name="capacity">Sessions kept at most; the least recently used goes first.</param>
public sealed class OrchestrationSessionCache(int capacity = OrchestrationSessionCache.DefaultCapacity) : IKnownHistories
{
    /// <summary>Sessions kept when no capacity is given.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();

    /// <summary>Sessions held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public bool Holds(string instanceId, string executionId, int historyLength)
    {
        lock (_lock)
        {
            return _entries.TryGetValue(instanceId, out var node) && node.Value.Matches(executionId, historyLength);
        }
    }

    /// <summary>Removes and returns the instance's session when it is at exactly this execution and length.</summary>
    internal OrchestrationSession? TryTake(string instanceId, string executionId, int historyLength)
    {
        lock (_lock)
        {
            if (!_entries.Remove(instanceId, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            return node.Value.Matches(executionId, historyLength) ? node.Value.Session : null;
        }
    }

    /// <summary>Keeps a session after its episode's checkpoint was written.</summary>
    internal void Put(string instanceId, string executionId, int historyLength, OrchestrationSession session)
    {
        if (capacity < 1)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.Remove(instanceId, out var old))
            {
                _recency.Remove(old);
            }

            while (_entries.Count >= capacity && _recency.First is { } oldest)
            {
                _recency.RemoveFirst();
                _entries.Remove(oldest.Value.InstanceId);
            }

            _entries[instanceId] = _recency.AddLast(new Entry(instanceId, executionId, historyLength, session));
        }
    }

    private sealed record Entry(string InstanceId, string ExecutionId, int HistoryLength, OrchestrationSession Session)
    {
        public bool Matches(string executionId, int historyLength) =>
            HistoryLength == historyLength && string.Equals(ExecutionId, executionId, StringComparison.Ordinal);
    }
}
