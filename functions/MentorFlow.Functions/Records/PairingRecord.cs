using MentorFlow.Core.Educators;
using MentorFlow.Core.Pairings;

namespace MentorFlow.Functions.Records;

/// <summary>A pairing as stored: the pairing, its two people as HR last sent them, how it was requested and whether it ended early.</summary>
/// <param name="Pairing">The pairing.</param>
/// <param name="Mentor">The mentor.</param>
/// <param name="Mentee">The mentee.</param>
/// <param name="IdempotencyKey">The Idempotency-Key it was created with, if any.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="Separation">The separation, when it ended early.</param>
public sealed record PairingRecord(Pairing Pairing, Educator Mentor, Educator Mentee, string? IdempotencyKey, DateTime CreatedAt, Separation? Separation = null);
