using MentorFlow.Core.Messaging;
using MentorFlow.Functions.Records;

namespace MentorFlow.Functions.Mail;

/// <summary>The embedded ledger of sent message keys, in the records database, so a retried send does not send twice.</summary>
public sealed class SqliteSentMessageLedger(string path) : ISentMessageLedger
{
    private readonly RecordsDatabase _database = new(path,
        "CREATE TABLE IF NOT EXISTS SentMessages (IdempotencyKey TEXT NOT NULL PRIMARY KEY, SentAt INTEGER NOT NULL);");

    /// <inheritdoc/>
    public Task<bool> WasSentAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return Task.FromResult(RecordsDatabase.Scalar(connection, null, "SELECT 1 FROM SentMessages WHERE IdempotencyKey = $key;", ("$key", idempotencyKey)) is not null);
    }

    /// <inheritdoc/>
    public Task RecordSentAsync(string idempotencyKey, DateTime sentAt, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        RecordsDatabase.Execute(connection, null, "INSERT OR IGNORE INTO SentMessages (IdempotencyKey, SentAt) VALUES ($key, $at);",
            ("$key", idempotencyKey), ("$at", new DateTimeOffset(DateTime.SpecifyKind(sentAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds()));
        return Task.CompletedTask;
    }
}
