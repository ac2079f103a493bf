using System.Collections.Concurrent;

namespace MentorFlow.Core.Messaging;

/// <summary>A ledger in memory, for simulations and one-process demos; the app keeps its ledger in its database.</summary>
public sealed class InMemorySentMessageLedger : ISentMessageLedger
{
    private readonly ConcurrentDictionary<string, DateTime> _sent = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult(_sent.ContainsKey(idempotencyKey));

    /// <inheritdoc/>
    public Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        _sent.TryAdd(idempotencyKey, sentAt);
        return Task.CompletedTask;
    }
}
