namespace MentorFlow.Core.Messaging;

/// <summary>
/// One email the ledger knows was sent for a pairing (or whose send was cut off, so it may have gone), read from its
/// idempotency key: pairing, kind, recipient's role and sequence — no address, no personal data.
/// </summary>
/// <param name="IdempotencyKey">The message's key.</param>
/// <param name="At">When it was sent, or when the send that was cut off was attempted (UTC).</param>
/// <param name="Unknown">True when the send was cut off: it may or may not have reached the mail server.</param>
public sealed record SentEmail(string IdempotencyKey, DateTime At, bool Unknown = false)
{
    /// <summary>The prefix every key of <paramref name="pairingId"/>'s emails starts with.</summary>
    public static string KeyPrefix(string pairingId) => pairingId + "/";

    /// <summary>What the email was, when its key names one of the year's kinds; null for another key (e.g. a coordinator's nudge).</summary>
    public ProgramMessageKind? Kind => Part(1) is { } kind && Enum.TryParse<ProgramMessageKind>(kind, out var known) && Enum.IsDefined(known) ? known : null;

    /// <summary>True for the coordinator's nudge, which is sent outside the year.</summary>
    public bool IsCoordinatorNudge => Part(1) == "CoordinatorNudge";

    /// <summary>Who it went to.</summary>
    public RecipientRole? To => Part(2) is { } role && Enum.TryParse<RecipientRole>(role, out var known) && Enum.IsDefined(known) ? known : null;

    private string? Part(int index) => IdempotencyKey.Split('/') is { } parts && parts.Length > index ? parts[index] : null;
}
