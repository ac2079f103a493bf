namespace MentorFlow.Core.Messaging;

/// <summary>A ledger in memory, for simulations and one-process demos; the app keeps its ledger in its database.</summary>
public sealed class InMemorySentMessageLedger : ISentMessageLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (LedgerEntry State, DateTime At)> _entries = new(StringComparer.Ordinal);

    private enum LedgerEntry
    {
        Sending,
        Sent,
        Unknown,
    }

    /// <inheritdoc/>
    public Task<SendIntent> RecordIntentAsync(string idempotencyKey, DateTime at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(idempotencyKey, out var entry))
            {
                _entries[idempotencyKey] = (LedgerEntry.Sending, at);
                return Task.FromResult(SendIntent.SendNow);
            }

            if (entry.State == LedgerEntry.Sent)
            {
                return Task.FromResult(SendIntent.AlreadySent);
            }

            _entries[idempotencyKey] = (LedgerEntry.Unknown, entry.At);
            return Task.FromResult(SendIntent.Unknown);
        }
    }

    /// <inheritdoc/>
    public Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries[idempotencyKey] = (LedgerEntry.Sent, sentAt);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries.Remove(idempotencyKey);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UnknownSend>> ListUnknownAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<UnknownSend>>([.. _entries.Where(e => e.Value.State == LedgerEntry.Unknown)
                .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new UnknownSend(e.Key, e.Value.At))]);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SentEmail>> ListForPairingAsync(string pairingId, CancellationToken cancellationToken)
    {
        var prefix = SentEmail.KeyPrefix(pairingId);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SentEmail>>([.. _entries
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal) && e.Value.State != LedgerEntry.Sending)
                .OrderBy(e => e.Value.At).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new SentEmail(e.Key, e.Value.At, e.Value.State == LedgerEntry.Unknown))]);
        }
    }
}
