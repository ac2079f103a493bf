using System.Text.Json;
using MentorFlow.Core.ActionPlans;
using MentorFlow.Durable.History;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.ActionPlans;

/// <summary>The embedded action plans: a table in the records database; a save only lands on the plan it was made from.</summary>
public sealed class SqliteActionPlanStore : IActionPlanStore
{
    private readonly string _connectionString;

    /// <summary>Opens (creating when needed) the table in the database at <paramref name="path"/>.</summary>
    public SqliteActionPlanStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS ActionPlans (PairingId TEXT NOT NULL PRIMARY KEY, Plan TEXT NOT NULL);";
        create.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public Task<ActionPlan?> FindAsync(string pairingId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        return Task.FromResult(Read(connection, null, pairingId) is { } json ? JsonSerializer.Deserialize<ActionPlan>(json, DurableJson.Options) : null);
    }

    /// <inheritdoc/>
    public Task<bool> SaveAsync(string pairingId, ActionPlan? expected, ActionPlan plan, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var stored = Read(connection, transaction, pairingId);
        if (stored != (expected is null ? null : JsonSerializer.Serialize(expected, DurableJson.Options)))
        {
            return Task.FromResult(false); // someone saved in between: they re-read and try again
        }

        using var save = connection.CreateCommand();
        save.Transaction = transaction;
        save.CommandText = "INSERT INTO ActionPlans (PairingId, Plan) VALUES ($id, $plan) ON CONFLICT (PairingId) DO UPDATE SET Plan = excluded.Plan;";
        save.Parameters.AddWithValue("$id", pairingId);
        save.Parameters.AddWithValue("$plan", JsonSerializer.Serialize(plan, DurableJson.Options));
        save.ExecuteNonQuery();
        transaction.Commit();
        return Task.FromResult(true);
    }

    private static string? Read(SqliteConnection connection, SqliteTransaction? transaction, string pairingId)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT Plan FROM ActionPlans WHERE PairingId = $id;";
        read.Parameters.AddWithValue("$id", pairingId);
        return read.ExecuteScalar() as string;
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
