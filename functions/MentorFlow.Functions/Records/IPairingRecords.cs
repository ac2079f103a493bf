using MentorFlow.Core.Pairings;

namespace MentorFlow.Functions.Records;

/// <summary>Where pairings and their educators are kept: a SQLite file when embedded.</summary>
public interface IPairingRecords
{
    /// <summary>The pairing, or null.</summary>
    Task<PairingRecord?> FindAsync(string pairingId, CancellationToken cancellationToken);

    /// <summary>The pairing created with <paramref name="idempotencyKey"/>, or null.</summary>
    Task<PairingRecord?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the pairings that do not exist yet and saves their educators (new ones added, known ones updated to what HR
    /// sent), all in one transaction; returns each pairing as stored and whether this call created it.
    /// </summary>
    Task<IReadOnlyList<(PairingRecord Record, bool Created)>> AddAsync(IReadOnlyList<PairingRecord> pairings, CancellationToken cancellationToken);

    /// <summary>
    /// Records the separation and, in the same transaction, the year event that tells the pairing's year (raised by the
    /// year-event relay); false (and nothing saved) when the pairing does not exist or has already ended, so a pairing ends once.
    /// </summary>
    Task<bool> RecordSeparationAsync(string pairingId, Separation separation, DateTime recordedAt, CancellationToken cancellationToken);

    /// <summary>Every pairing of a district (all years), oldest first.</summary>
    Task<IReadOnlyList<PairingRecord>> ListAsync(string districtId, CancellationToken cancellationToken);
}
