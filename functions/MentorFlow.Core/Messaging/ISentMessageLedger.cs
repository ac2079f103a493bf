namespace MentorFlow.Core.Messaging;

/// <summary>Remembers which idempotency keys were sent, so a retried activity does not send again.</summary>
public interface ISentMessageLedger
{
    /// <summary>True when a message with <paramref name="idempotencyKey"/> was sent.</summary>
    Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Records that the message with <paramref name="idempotencyKey"/> was sent.</summary>
    Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken);
}
