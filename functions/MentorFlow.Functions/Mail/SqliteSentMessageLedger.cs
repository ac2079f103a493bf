using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Mail;

/// <summary>
/// The embedded ledger of message sends, in the records database: an intent row before the mail goes, a sent row after,
/// so a retried send never repeats one that went and a send cut off in between is kept as unknown, not repeated.
/// </summary>
public sealed class SqliteSentMessageLedger(string path) : ISentMessageLedger
{
    private readonly RecordsDatabase _database = new(path, """
        CREATE TABLE IF NOT EXISTS SentMessages (IdempotencyKey TEXT NOT NULL PRIMARY KEY, SentAt INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS MessageIntents (IdempotencyKey TEXT NOT NULL PRIMARY KEY, AttemptedAt INTEGER NOT NULL, Unknown INTEGER NOT NULL DEFAULT 0);
        """);

    /// <inheritdoc/>
    public Task<SendIntent> RecordIntentAsync(string idempotencyKey, DateTime at, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        SendIntent intent;
        if (RecordsDatabase.Scalar(connection, transaction, "SELECT 1 FROM SentMessages WHERE IdempotencyKey = $key;", ("$key", idempotencyKey)) is not null)
        {
            intent = SendIntent.AlreadySent;
        }
        else if (RecordsDatabase.Execute(connection, transaction, "UPDATE MessageIntents SET Unknown = 1 WHERE IdempotencyKey = $key;", ("$key", idempotencyKey)) == 1)
        {
            intent = SendIntent.Unknown;
        }
        else
        {
            RecordsDatabase.Execute(connection, transaction, "INSERT INTO MessageIntents (IdempotencyKey, AttemptedAt) VALUES ($key, $at);",
                ("$key", idempotencyKey), ("$at", Milliseconds(at)));
            intent = SendIntent.SendNow;
        }

        transaction.Commit();
        return Task.FromResult(intent);
    }

    /// <inheritdoc/>
    public Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        RecordsDatabase.Execute(connection, transaction, "INSERT OR IGNORE INTO SentMessages (IdempotencyKey, SentAt) VALUES ($key, $at);",
            ("$key", idempotencyKey), ("$at", Milliseconds(sentAt)));
        RecordsDatabase.Execute(connection, transaction, "DELETE FROM MessageIntents WHERE IdempotencyKey = $key;", ("$key", idempotencyKey));
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "DELETE FROM MessageIntents WHERE IdempotencyKey = $key;", ("$key", idempotencyKey));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<UnknownSend>> ListUnknownAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var command = RecordsDatabase.Command(connection, null,
            "SELECT IdempotencyKey, AttemptedAt FROM MessageIntents WHERE Unknown = 1 ORDER BY AttemptedAt, IdempotencyKey;");
        using var reader = command.ExecuteReader();
        var unknown = new List<UnknownSend>();
        while (reader.Read())
        {
            unknown.Add(new UnknownSend(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)).UtcDateTime));
        }

        return Task.FromResult<IReadOnlyList<UnknownSend>>(unknown);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SentEmail>> ListForPairingAsync(string pairingId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        // A range on the key (its primary index) instead of LIKE, whose wildcards a pairing id could carry.
        using var command = RecordsDatabase.Command(connection, null,
            """
            SELECT IdempotencyKey, SentAt, 0 FROM SentMessages WHERE IdempotencyKey >= $from AND IdempotencyKey < $to
            UNION ALL
            SELECT IdempotencyKey, AttemptedAt, 1 FROM MessageIntents WHERE Unknown = 1 AND IdempotencyKey >= $from AND IdempotencyKey < $to
            ORDER BY 2, 1;
            """,
            ("$from", SentEmail.KeyPrefix(pairingId)), ("$to", pairingId + "0"));
        using var reader = command.ExecuteReader();
        var emails = new List<SentEmail>();
        while (reader.Read())
        {
            emails.Add(new SentEmail(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)).UtcDateTime, reader.GetInt64(2) == 1));
        }

        return Task.FromResult<IReadOnlyList<SentEmail>>(emails);
    }

    private static long Milliseconds(DateTime at) => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
