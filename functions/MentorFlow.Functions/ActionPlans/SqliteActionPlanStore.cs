using System.Text.Json;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Core.Year;
using MentorFlow.Durable;
using MentorFlow.Functions.Records;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.ActionPlans;

/// <summary>The embedded action plans: a table in the records database; a save only lands on the plan it was made from.</summary>
public sealed class SqliteActionPlanStore(string path) : IActionPlanStore
{
    private readonly RecordsDatabase _database = new(path,
        "CREATE TABLE IF NOT EXISTS ActionPlans (PairingId TEXT NOT NULL PRIMARY KEY, Plan TEXT NOT NULL);" + Submissions.PendingYearEvents.Schema);

    /// <inheritdoc/>
    public Task<ActionPlan?> FindAsync(string pairingId, CancellationToken cancellationToken)
    {
        using var connection = _database.Open();
        return Task.FromResult(Read(connection, null, pairingId) is { } json ? JsonSerializer.Deserialize<ActionPlan>(json, DurableJson.Options) : null);
    }

    /// <inheritdoc/>
    public Task<bool> SaveAsync(string pairingId, ActionPlan? expected, ActionPlan plan, PairingYearEvent yearEvent, DateTime savedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        if (Read(connection, transaction, pairingId) != (expected is null ? null : JsonSerializer.Serialize(expected, DurableJson.Options)))
        {
            return Task.FromResult(false); // someone saved in between: they re-read and try again
        }

        RecordsDatabase.Execute(connection, transaction,
            "INSERT INTO ActionPlans (PairingId, Plan) VALUES ($id, $plan) ON CONFLICT (PairingId) DO UPDATE SET Plan = excluded.Plan;",
            ("$id", pairingId), ("$plan", JsonSerializer.Serialize(plan, DurableJson.Options)));
        Submissions.PendingYearEvents.Add(connection, transaction, pairingId, yearEvent, savedAt);
        transaction.Commit();
        return Task.FromResult(true);
    }

    private static string? Read(SqliteConnection connection, SqliteTransaction? transaction, string pairingId) =>
        RecordsDatabase.Scalar(connection, transaction, "SELECT Plan FROM ActionPlans WHERE PairingId = $id;", ("$id", pairingId)) as string;
}
