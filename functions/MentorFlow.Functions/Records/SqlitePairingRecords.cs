using System.Text.Json;
using MentorFlow.Core.Educators;
using MentorFlow.Core.Pairings;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Submissions;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Records;

/// <summary>The embedded pairing records: one SQLite file (WAL, synchronous=FULL) in the data folder.</summary>
public sealed class SqlitePairingRecords : IPairingRecords
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS Educators (
            DistrictId TEXT NOT NULL, EmployeeId TEXT NOT NULL, Record TEXT NOT NULL, UpdatedAt INTEGER NOT NULL,
            PRIMARY KEY (DistrictId, EmployeeId));
        CREATE TABLE IF NOT EXISTS Pairings (
            PairingId TEXT NOT NULL PRIMARY KEY, DistrictId TEXT NOT NULL, ProgramYear TEXT NOT NULL,
            MenteeId TEXT NOT NULL, MentorId TEXT NOT NULL, IdempotencyKey TEXT NULL UNIQUE,
            Record TEXT NOT NULL, Separation TEXT NULL, CreatedAt INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS IX_Pairings_District ON Pairings (DistrictId, CreatedAt);
        """ + PendingYearEvents.Schema;

    private readonly RecordsDatabase _database;
    private readonly Lock _writeLock = new();

    /// <summary>Opens (creating when needed) the records database at <paramref name="path"/>.</summary>
    public SqlitePairingRecords(string path)
        : this(path, readOnly: false)
    {
    }

    /// <summary>Opens the records database at <paramref name="path"/>; when <paramref name="readOnly"/>, for reading only (writes fail as on a read-only disk).</summary>
    public SqlitePairingRecords(string path, bool readOnly) => _database = new RecordsDatabase(path, Schema, readOnly);

    /// <inheritdoc/>
    public Task<PairingRecord?> FindAsync(string pairingId, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return Task.FromResult(Read(connection, null, "p.PairingId = $key", pairingId).SingleOrDefault());
    }

    /// <inheritdoc/>
    public Task<PairingRecord?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return Task.FromResult(Read(connection, null, "p.IdempotencyKey = $key", idempotencyKey).SingleOrDefault());
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PairingRecord>> ListAsync(string districtId, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return Task.FromResult<IReadOnlyList<PairingRecord>>(Read(connection, null, "p.DistrictId = $key", districtId));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<(PairingRecord Record, bool Created)>> AddAsync(IReadOnlyList<PairingRecord> pairings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairings);
        using var writing = _writeLock.EnterScope();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var results = new List<(PairingRecord, bool)>(pairings.Count);
        foreach (var record in pairings)
        {
            var pairing = record.Pairing;
            SaveEducator(connection, transaction, pairing.DistrictId, record.Mentor, record.CreatedAt);
            SaveEducator(connection, transaction, pairing.DistrictId, record.Mentee, record.CreatedAt);
            var inserted = RecordsDatabase.Execute(connection, transaction, """
                INSERT OR IGNORE INTO Pairings (PairingId, DistrictId, ProgramYear, MenteeId, MentorId, IdempotencyKey, Record, CreatedAt)
                VALUES ($id, $district, $year, $mentee, $mentor, $key, $record, $at);
                """,
                ("$id", pairing.PairingId), ("$district", pairing.DistrictId), ("$year", pairing.ProgramYear), ("$mentee", pairing.MenteeId),
                ("$mentor", pairing.MentorId), ("$key", record.IdempotencyKey), ("$record", JsonSerializer.Serialize(pairing, DurableJson.Options)),
                ("$at", Ms(record.CreatedAt))) == 1;
            if (!inserted && record.IdempotencyKey is { } key)
            {
                // A key first seen on a repeat of an existing pairing now names it too.
                RecordsDatabase.Execute(connection, transaction, "UPDATE Pairings SET IdempotencyKey = $key WHERE PairingId = $id AND IdempotencyKey IS NULL;",
                    ("$key", key), ("$id", pairing.PairingId));
            }

            results.Add((Read(connection, transaction, "p.PairingId = $key", pairing.PairingId).Single(), inserted));
        }

        transaction.Commit();
        return Task.FromResult<IReadOnlyList<(PairingRecord, bool)>>(results);
    }

    /// <inheritdoc/>
    public Task<bool> RecordSeparationAsync(string pairingId, Separation separation, DateTime recordedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var writing = _writeLock.EnterScope();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var updated = RecordsDatabase.Execute(connection, transaction, "UPDATE Pairings SET Separation = $separation WHERE PairingId = $id AND Separation IS NULL;",
            ("$id", pairingId), ("$separation", JsonSerializer.Serialize(separation, DurableJson.Options)));
        if (updated != 1)
        {
            return Task.FromResult(false);
        }

        // The year hears of it through the same outbox as the forms: saved together, raised by the relay, never lost between.
        PendingYearEvents.Add(connection, transaction, pairingId, PairingYearEvent.Ended(separation), recordedAt);
        transaction.Commit();
        return Task.FromResult(true);
    }

    private static void SaveEducator(SqliteConnection connection, SqliteTransaction transaction, string districtId, Educator educator, DateTime at) =>
        RecordsDatabase.Execute(connection, transaction, """
            INSERT INTO Educators (DistrictId, EmployeeId, Record, UpdatedAt) VALUES ($district, $id, $record, $at)
            ON CONFLICT (DistrictId, EmployeeId) DO UPDATE SET Record = excluded.Record, UpdatedAt = excluded.UpdatedAt;
            """,
            ("$district", districtId), ("$id", educator.EmployeeId), ("$record", JsonSerializer.Serialize(educator, DurableJson.Options)), ("$at", Ms(at)));

    private static List<PairingRecord> Read(SqliteConnection connection, SqliteTransaction? transaction, string where, string key)
    {
        using var command = RecordsDatabase.Command(connection, transaction, $"""
            SELECT p.Record, mentor.Record, mentee.Record, p.IdempotencyKey, p.CreatedAt, p.Separation FROM Pairings p
            JOIN Educators mentor ON mentor.DistrictId = p.DistrictId AND mentor.EmployeeId = p.MentorId
            JOIN Educators mentee ON mentee.DistrictId = p.DistrictId AND mentee.EmployeeId = p.MenteeId
            WHERE {where} ORDER BY p.CreatedAt, p.PairingId;
            """, ("$key", key));
        using var reader = command.ExecuteReader();
        var records = new List<PairingRecord>();
        while (reader.Read())
        {
            records.Add(new PairingRecord(
                JsonSerializer.Deserialize<Pairing>(reader.GetString(0), DurableJson.Options)!,
                JsonSerializer.Deserialize<Educator>(reader.GetString(1), DurableJson.Options)!,
                JsonSerializer.Deserialize<Educator>(reader.GetString(2), DurableJson.Options)!,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)).UtcDateTime,
                reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<Separation>(reader.GetString(5), DurableJson.Options)));
        }

        return records;
    }

    private static long Ms(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

}
