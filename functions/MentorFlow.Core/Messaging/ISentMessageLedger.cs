namespace MentorFlow.Core.Messaging;

/// <summary>
/// Remembers each idempotency key's send: the intent is recorded before the mail goes and the send after, so a send cut
/// off in between is never repeated but shows as unknown.
/// </summary>
public interface ISentMessageLedger
{
    /// <summary>
    /// Records the intent to send the message with <paramref name="idempotencyKey"/>. <see cref="SendIntent.SendNow"/> when
    /// no earlier attempt exists; an earlier attempt that never recorded its outcome becomes <see cref="SendIntent.Unknown"/>.
    /// </summary>
    Task<SendIntent> RecordIntentAsync(string idempotencyKey, DateTime at, CancellationToken cancellationToken);

    /// <summary>Records that the message with <paramref name="idempotencyKey"/> was sent.</summary>
    Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken);

    /// <summary>Forgets the intent of a message that certainly did not go (<see cref="MailNotSentException"/>), so a later try sends it.</summary>
    Task ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Messages whose send was cut off: they may or may not have reached the mail server, and are not sent again.</summary>
    Task<IReadOnlyList<UnknownSend>> ListUnknownAsync(CancellationToken cancellationToken);

    /// <summary>The emails sent for <paramref name="pairingId"/>, and those whose send was cut off, oldest first.</summary>
    Task<IReadOnlyList<SentEmail>> ListForPairingAsync(string pairingId, CancellationToken cancellationToken);
}
