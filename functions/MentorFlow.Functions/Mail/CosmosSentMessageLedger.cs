using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Records;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Mail;

/// <summary>
/// The ledger of message sends in Cosmos DB: one document per idempotency key, an intent before the mail goes and sent
/// after, so a retried send never repeats one that went and a send cut off in between is kept as unknown. Keys name no
/// district and the unknown ones are listed together, so all live in one logical partition (small documents).
/// </summary>
public sealed class CosmosSentMessageLedger(CosmosRecords records) : ISentMessageLedger
{
    private const string Partition = "sent-messages";
    private const string Intent = "intent";
    private const string Unknown = "unknown";
    private const string Sent = "sent";

    /// <inheritdoc/>
    public async Task<SendIntent> RecordIntentAsync(string idempotencyKey, DateTime at, CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Recording the send");
            var entry = await ReadAsync(idempotencyKey, cancellationToken);
            if (entry is null)
            {
                var intent = new LedgerDocument { Id = Id(idempotencyKey), Key = idempotencyKey, State = Intent, AttemptedAt = CosmosRecords.Milliseconds(at) };
                if (await CosmosRecords.CreateAsync(records.SentMessages, intent, Partition, cancellationToken))
                {
                    return SendIntent.SendNow;
                }

                continue; // another attempt recorded its intent first
            }

            if (entry.State == Sent)
            {
                return SendIntent.AlreadySent;
            }

            var etag = entry.TakeETag();
            entry.State = Unknown;
            if (await CosmosRecords.ReplaceAsync(records.SentMessages, entry, entry.Id, Partition, etag, cancellationToken))
            {
                return SendIntent.Unknown;
            }
        }
    }

    /// <inheritdoc/>
    public async Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            CosmosRecords.CountAttempt(ref attempts, "Recording the send");
            var entry = await ReadAsync(idempotencyKey, cancellationToken);
            if (entry?.State == Sent)
            {
                return; // the first send recorded stays
            }

            var sent = new LedgerDocument { Id = Id(idempotencyKey), Key = idempotencyKey, State = Sent, AttemptedAt = entry?.AttemptedAt ?? CosmosRecords.Milliseconds(sentAt), SentAt = CosmosRecords.Milliseconds(sentAt) };
            if (entry is null
                ? await CosmosRecords.CreateAsync(records.SentMessages, sent, Partition, cancellationToken)
                : await CosmosRecords.ReplaceAsync(records.SentMessages, sent, sent.Id, Partition, entry.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (await ReadAsync(idempotencyKey, cancellationToken) is { State: not Sent } entry)
        {
            CosmosRecords.CountAttempt(ref attempts, "Recording the send");
            try
            {
                await records.SentMessages.DeleteItemAsync<LedgerDocument>(entry.Id, new PartitionKey(Partition), new ItemRequestOptions { IfMatchEtag = entry.ETag }, cancellationToken);
                return;
            }
            catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return; // gone already
            }
            catch (CosmosException ex) when (ex.StatusCode == System.Net.HttpStatusCode.PreconditionFailed)
            {
                // changed since read: read again
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UnknownSend>> ListUnknownAsync(CancellationToken cancellationToken)
    {
        var unknown = await CosmosRecords.QueryAsync<LedgerDocument>(records.SentMessages, Partition,
            new QueryDefinition("SELECT * FROM c WHERE c.ledger = @ledger AND c.state = @state").WithParameter("@ledger", Partition).WithParameter("@state", Unknown),
            cancellationToken);
        return [.. unknown.OrderBy(e => e.AttemptedAt).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new UnknownSend(e.Key, CosmosRecords.Time(e.AttemptedAt)))];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SentEmail>> ListForPairingAsync(string pairingId, CancellationToken cancellationToken)
    {
        var entries = await CosmosRecords.QueryAsync<LedgerDocument>(records.SentMessages, Partition,
            new QueryDefinition("SELECT * FROM c WHERE c.ledger = @ledger AND STARTSWITH(c.key, @prefix) AND c.state != @intent")
                .WithParameter("@ledger", Partition).WithParameter("@prefix", SentEmail.KeyPrefix(pairingId)).WithParameter("@intent", Intent),
            cancellationToken);
        return [.. entries
            .Select(e => new SentEmail(e.Key, CosmosRecords.Time(e.State == Sent ? e.SentAt ?? e.AttemptedAt : e.AttemptedAt), e.State == Unknown))
            .OrderBy(e => e.At).ThenBy(e => e.IdempotencyKey, StringComparer.Ordinal)];
    }

    private Task<LedgerDocument?> ReadAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        CosmosRecords.ReadAsync<LedgerDocument>(records.SentMessages, "ledger", Partition, Id(idempotencyKey), cancellationToken);

    private static string Id(string idempotencyKey) => CosmosRecords.IdPart(idempotencyKey);

    /// <summary>One key's send: intent, unknown or sent.</summary>
    private sealed class LedgerDocument : CosmosDocument
    {
        public string Ledger { get; set; } = Partition;

        public string Key { get; set; } = "";

        public string State { get; set; } = Intent;

        public long AttemptedAt { get; set; }

        public long? SentAt { get; set; }
    }
}
