using System.Text.Json;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Submissions;

/// <summary>The embedded submissions: one table in the records database.</summary>
public sealed class SqliteSubmissionStore(string path) : ISubmissionStore
{
    private readonly RecordsDatabase _database = new(path, """
        CREATE TABLE IF NOT EXISTS Submissions (
            PairingId TEXT NOT NULL, Kind TEXT NOT NULL, Key TEXT NOT NULL, Value TEXT NOT NULL, SubmittedAt INTEGER NOT NULL,
            PRIMARY KEY (PairingId, Kind, Key));
        CREATE TABLE IF NOT EXISTS WithdrawnSubmissions (
            PairingId TEXT NOT NULL, Kind TEXT NOT NULL, Key TEXT NOT NULL, WithdrawnAt INTEGER NOT NULL,
            PRIMARY KEY (PairingId, Kind, Key));
        """ + PendingYearEvents.Schema);

    // A table of its own, so records files made before withdrawals existed need no change to their Submissions table.
    private const string NotWithdrawn =
        "NOT EXISTS (SELECT 1 FROM WithdrawnSubmissions w WHERE w.PairingId = Submissions.PairingId AND w.Kind = Submissions.Kind AND w.Key = Submissions.Key)";

    /// <inheritdoc/>
    public Task<bool> TryAddAsync<T>(string pairingId, string kind, string key, T value, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var added = RecordsDatabase.Execute(connection, transaction,
            "INSERT OR IGNORE INTO Submissions (PairingId, Kind, Key, Value, SubmittedAt) VALUES ($id, $kind, $key, $value, $at);",
            Parameters(pairingId, kind, key, value, submittedAt)) == 1;
        if (added)
        {
            PendingYearEvents.Add(connection, transaction, pairingId, yearEvent, submittedAt);
        }

        transaction.Commit();
        return Task.FromResult(added);
    }

    /// <inheritdoc/>
    public Task<bool> TryReplaceAsync<T>(string pairingId, string kind, IReadOnlyList<SubmissionChange<T>> changes, DateTime submittedAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var change in changes)
        {
            // The write itself checks the value read: of two racing posts the second finds it changed and lands nothing.
            var replaced = RecordsDatabase.Execute(connection, transaction,
                "UPDATE Submissions SET Value = $value, SubmittedAt = $at WHERE PairingId = $id AND Kind = $kind AND Key = $key AND Value = $expected AND " + NotWithdrawn + ";",
                [.. Parameters(pairingId, kind, change.Key, change.Value, submittedAt), ("$expected", JsonSerializer.Serialize(change.Read, DurableJson.Options))]);
            if (replaced != 1)
            {
                transaction.Rollback();
                return Task.FromResult(false);
            }
        }

        PendingYearEvents.Add(connection, transaction, pairingId, yearEvent, submittedAt);
        transaction.Commit();
        return Task.FromResult(true);
    }

    /// <inheritdoc/>
    public Task<bool> TryWithdrawAsync<T>(string pairingId, string kind, string key, T read, DateTime withdrawnAt, PairingYearEvent yearEvent, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        // Only the value read, and only once: a racing confirmation or a second withdrawal finds nothing to mark.
        var withdrawn = RecordsDatabase.Execute(connection, transaction, """
            INSERT OR IGNORE INTO WithdrawnSubmissions (PairingId, Kind, Key, WithdrawnAt)
            SELECT PairingId, Kind, Key, $at FROM Submissions WHERE PairingId = $id AND Kind = $kind AND Key = $key AND Value = $value;
            """, Parameters(pairingId, kind, key, read, withdrawnAt)) == 1;
        if (withdrawn)
        {
            PendingYearEvents.Add(connection, transaction, pairingId, yearEvent, withdrawnAt);
        }

        transaction.Commit();
        return Task.FromResult(withdrawn);
    }

    /// <inheritdoc/>
    public Task<T?> FindAsync<T>(string pairingId, string kind, string key, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        var json = RecordsDatabase.Scalar(connection, null, "SELECT Value FROM Submissions WHERE PairingId = $id AND Kind = $kind AND Key = $key AND " + NotWithdrawn + ";",
            ("$id", pairingId), ("$kind", kind), ("$key", key)) as string;
        return Task.FromResult(json is null ? default : JsonSerializer.Deserialize<T>(json, DurableJson.Options));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<T>> ListAsync<T>(string pairingId, string kind, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null,
            "SELECT Value FROM Submissions WHERE PairingId = $id AND Kind = $kind AND " + NotWithdrawn + " ORDER BY SubmittedAt, Key;", ("$id", pairingId), ("$kind", kind));
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), DurableJson.Options)!);
        }

        return Task.FromResult<IReadOnlyList<T>>(values);
    }

    private static (string, object?)[] Parameters<T>(string pairingId, string kind, string key, T value, DateTime at) =>
    [
        ("$id", pairingId), ("$kind", kind), ("$key", key), ("$value", JsonSerializer.Serialize(value, DurableJson.Options)),
        ("$at", new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds()),
    ];
}
