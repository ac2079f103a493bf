using MentorFlow.Core.Messaging;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Mail;

/// <summary>The embedded ledger of sent message keys, in the records database, so a retried send does not send twice.</summary>
public sealed class SqliteSentMessageLedger : ISentMessageLedger
{
    private readonly string _connectionString;

    /// <summary>Opens (creating when needed) the ledger in the database at <paramref name="path"/>.</summary>
    public SqliteSentMessageLedger(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS SentMessages (IdempotencyKey TEXT NOT NULL PRIMARY KEY, SentAt INTEGER NOT NULL);";
        create.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM SentMessages WHERE IdempotencyKey = $key;";
        command.Parameters.AddWithValue("$key", idempotencyKey);
        return Task.FromResult(command.ExecuteScalar() is not null);
    }

    /// <inheritdoc/>
    public Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO SentMessages (IdempotencyKey, SentAt) VALUES ($key, $at);";
        command.Parameters.AddWithValue("$key", idempotencyKey);
        command.Parameters.AddWithValue("$at", new DateTimeOffset(DateTime.SpecifyKind(sentAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
