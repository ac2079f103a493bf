using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// The disk's ceiling for the engine: single-row transactions per second with the engine's own settings
/// (WAL, <c>synchronous=FULL</c>), in the same folder as the engine's database.
/// </summary>
internal static class SqliteCommitLimit
{
    public static double Measure(string folder, TimeSpan duration)
    {
        var path = Path.Combine(folder, "commit-limit.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE Rows (Id INTEGER PRIMARY KEY, Payload TEXT NOT NULL);");
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Rows (Payload) VALUES ($payload);";
        insert.Parameters.AddWithValue("$payload", new string('x', 200));
        var commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
            transaction.Commit();
            commits++;
        }

        return commits / clock.Elapsed.TotalSeconds;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
