using MentorFlow.Core.Pairings;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Tests.Health;

/// <summary>
/// The app's pairing records (our own interface) on the real file, read through a read-only connection while
/// <see cref="ReadOnly"/> is set, so every write gets SQLite's own "attempt to write a readonly database", as on a disk
/// remounted read-only. Tests run as root here, and chmod does not stop root.
/// </summary>
internal sealed class ReadOnlyDiskRecords(string path) : IPairingRecords
{
    private readonly SqlitePairingRecords _writable = new(path);
    private readonly Lazy<SqlitePairingRecords> _readOnly = new(() => new SqlitePairingRecords(path, readOnly: true));

    public bool ReadOnly { get; set; }

    private SqlitePairingRecords Records => ReadOnly ? _readOnly.Value : _writable;

    public Task<PairingRecord?> FindAsync(string pairingId, CancellationToken cancellationToken) => Records.FindAsync(pairingId, cancellationToken);

    public Task<PairingRecord?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        Records.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<(PairingRecord Record, bool Created)>> AddAsync(IReadOnlyList<PairingRecord> pairings, CancellationToken cancellationToken) =>
        Records.AddAsync(pairings, cancellationToken);

    public Task<bool> RecordSeparationAsync(string pairingId, Separation separation, DateTime recordedAt, CancellationToken cancellationToken) =>
        Records.RecordSeparationAsync(pairingId, separation, recordedAt, cancellationToken);

    public Task<IReadOnlyList<PairingRecord>> ListAsync(string districtId, CancellationToken cancellationToken) => Records.ListAsync(districtId, cancellationToken);
}
