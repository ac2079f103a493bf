using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Records;

/// <summary>
/// The embedded records file (<c>mentorflow.db</c>: pairings, educators, action plans, the sent-message ledger): every
/// connection in WAL mode with <c>synchronous=FULL</c>, so what the app confirmed to someone survives a power cut.
/// </summary>
public sealed class RecordsDatabase
{
    private readonly string _connectionString;

    /// <summary>Opens (creating when needed) the file at <paramref name="path"/> and runs <paramref name="schema"/> on it.</summary>
    public RecordsDatabase(string path, string schema)
        : this(path, schema, readOnly: false)
    {
    }

    /// <summary>
    /// Opens the file at <paramref name="path"/>; when <paramref name="readOnly"/>, only for reading (it must exist, and every
    /// write fails as on a read-only disk), otherwise creating it when needed and running <paramref name="schema"/> on it.
    /// </summary>
    public RecordsDatabase(string path, string schema, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = true, DefaultTimeout = 30 }.ToString();
        try
        {
            using var connection = Open();
            if (!readOnly)
            {
                Execute(connection, null, "PRAGMA journal_mode=WAL;" + schema);
            }
        }
        catch (SqliteException ex)
        {
            throw new Health.DataFolderProblemException(Health.DatabaseCheck.CannotOpen(path, ex), ex);
        }
    }

    /// <summary>An open connection.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>A command with its parameters (null as SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query for one value.</summary>
    public static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }
}
