using MentorFlow.Core.Messaging;

namespace MentorFlow.Functions.Links;

/// <summary>What a signed link names: one person's step of one pairing, until it expires.</summary>
/// <param name="PairingId">The pairing.</param>
/// <param name="Person">Who the link is for.</param>
/// <param name="Step">The form it opens, e.g. "action-plan", or "log" for the standing log-a-meeting link.</param>
/// <param name="ExpiresAt">When it stops working (UTC).</param>
public sealed record StepLink(string PairingId, RecipientRole Person, string Step, DateTimeOffset ExpiresAt);
