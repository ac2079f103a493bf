namespace MentorFlow.Core.Messaging;

/// <summary>A message whose send was cut off (a crash between handing it to the mail server and recording it): it may have gone.</summary>
/// <param name="IdempotencyKey">The message's key: pairing, kind, recipient's role and sequence, no personal data.</param>
/// <param name="AttemptedAt">When the send was attempted (UTC).</param>
public sealed record UnknownSend(string IdempotencyKey, DateTime AttemptedAt);
