using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Health;

/// <summary>
/// Checks the SQLite files in the data folder (records, sent-message ledger, engine partitions): each is opened read-only and
/// must pass <c>PRAGMA quick_check</c>, so a damaged file is reported instead of being served as an empty one.
/// </summary>
public static class DatabaseCheck
{
    /// <summary>What the operator does about a damaged file.</summary>
    public const string RestoreAdvice =
        "Stop MentorFlow and restore the data folder from your latest backup (dotnet run --project functions/MentorFlow.Server -- restore <backup folder>); " +
        "do not delete the file, or everything in it is lost.";

    /// <summary>The SQLite databases in <paramref name="dataFolder"/>, by name (a folder in a database's place among them, to be reported).</summary>
    public static IReadOnlyList<string> DatabasesIn(string dataFolder) =>
        Directory.Exists(dataFolder) ? [.. Directory.EnumerateFileSystemEntries(dataFolder, "*.db").Order(StringComparer.Ordinal)] : [];

    /// <summary>What is wrong with every database in <paramref name="dataFolder"/>; empty when all are sound.</summary>
    public static IReadOnlyList<string> ProblemsIn(string dataFolder) =>
        [.. DatabasesIn(dataFolder).Select(Problem).OfType<string>()];

    /// <summary>What is wrong with the database at <paramref name="path"/> (naming it and what to do), or null when it is sound.</summary>
    public static string? Problem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // An empty file with no write-ahead log beside it holds nothing: a database the app wrote was cut short.
        if (File.Exists(path) && new FileInfo(path).Length == 0 && !(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0))
        {
            return $"The database {path} is empty (0 bytes): it was truncated. {RestoreAdvice} " +
                "Only if this is a new installation that never held data, delete the file and start again.";
        }

        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30 }.ToString();
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(5);";
            var findings = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    findings.Add(reader.GetString(0));
                }
            }

            return findings is ["ok"] ? null : $"The database {path} is damaged ({string.Join("; ", findings)}). {RestoreAdvice}";
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
        {
            return $"The database {path} is damaged: {ex.Message.TrimEnd('.')}. {RestoreAdvice}";
        }
        catch (SqliteException ex)
        {
            return CannotOpen(path, ex);
        }
    }

    /// <summary>The message for a database at <paramref name="path"/> that SQLite cannot open.</summary>
    public static string CannotOpen(string path, SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"The database {path} cannot be opened: {exception.Message.TrimEnd('.')}. Check that it is a file the user running MentorFlow " +
            "can read and write, in a folder it can write to, on a disk with free space; if the file is damaged, restore it from your latest backup " +
            "(dotnet run --project functions/MentorFlow.Server -- restore <backup folder>).";
    }
}
