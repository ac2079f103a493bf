using MentorFlow.Functions.Health;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// Takes a backup of the data folder while the app runs: every database through SQLite's online backup, all of them as of
/// one moment (writers are held for the instant it takes to open a read snapshot of each), then the keys and other files,
/// then <c>backup.json</c> listing them all. A restored backup is the data as a crash at that moment would have left it,
/// which the app is built to continue from.
/// </summary>
public static class DataBackup
{
    /// <summary>The folder inside a backup that holds the data folder's files.</summary>
    public const string DataFolderName = "data";

    /// <summary>Backs up <paramref name="dataFolder"/> into the new or empty folder <paramref name="destination"/>; returns the manifest written.</summary>
    public static BackupManifest Take(string dataFolder, string destination, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(time);
        if (IsInside(destination, dataFolder))
        {
            throw new DataFolderProblemException($"The backup folder {destination} is inside the data folder {dataFolder}. Choose a folder outside it, best on another disk.");
        }

        if (Directory.Exists(destination) && Directory.EnumerateFileSystemEntries(destination).Any())
        {
            throw new DataFolderProblemException($"The backup folder {destination} is not empty. Choose a new folder for each backup, so no earlier backup is overwritten.");
        }

        string[] databases = [.. DatabaseCheck.DatabasesIn(dataFolder).Where(File.Exists)];
        if (databases.Length == 0)
        {
            throw new DataFolderProblemException(
                $"There is nothing to back up in {dataFolder}: it holds no database. Run the backup with the same MentorFlow:Folders settings (and from the same folder) as the app.");
        }

        var into = Path.Combine(destination, DataFolderName);
        Directory.CreateDirectory(into);
        var files = new List<BackupFile>();
        foreach (var (database, snapshot) in Snapshots(databases))
        {
            using (snapshot)
            {
                var copy = Path.Combine(into, Path.GetFileName(database));
                using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
                {
                    target.Open();
                    snapshot.BackupDatabase(target);
                    // One self-contained file: the restored app turns write-ahead logging on again when it opens it.
                    Execute(target, "PRAGMA journal_mode=DELETE;");
                }

                files.Add(BackupFile.Of(copy, $"{DataFolderName}/{Path.GetFileName(database)}"));
            }
        }

        foreach (var file in OtherFiles(dataFolder))
        {
            var relative = Path.GetRelativePath(dataFolder, file);
            var copy = Path.Combine(into, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
            files.Add(BackupFile.Of(copy, $"{DataFolderName}/{relative.Replace(Path.DirectorySeparatorChar, '/')}"));
        }

        var manifest = new BackupManifest(time.GetUtcNow(), files);
        manifest.Write(destination);
        return manifest;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool IsInside(string path, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        return full.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    // Holds every database's write lock at once, opens a read snapshot of each, then lets the writers go on: the snapshots
    // are one moment of all files, and copying them does not hold anyone up.
    private static List<(string Database, SqliteConnection Snapshot)> Snapshots(string[] databases)
    {
        var writers = new List<SqliteConnection>();
        var snapshots = new List<(string, SqliteConnection)>();
        try
        {
            foreach (var database in databases)
            {
                var writer = Connection(database, SqliteOpenMode.ReadWrite);
                writers.Add(writer);
                Execute(writer, "BEGIN IMMEDIATE;");
            }

            foreach (var database in databases)
            {
                var snapshot = Connection(database, SqliteOpenMode.ReadOnly);
                snapshots.Add((database, snapshot));
                Execute(snapshot, "BEGIN; SELECT COUNT(*) FROM sqlite_master;");
            }

            return snapshots;
        }
        catch
        {
            foreach (var (_, snapshot) in snapshots)
            {
                snapshot.Dispose();
            }

            throw;
        }
        finally
        {
            foreach (var writer in writers)
            {
                writer.Dispose(); // rolls the empty write transaction back
            }
        }
    }

    // The keys (links, staff, form tokens) and whatever else the app keeps beside its databases; not the databases' logs,
    // the lock file or the app's short-lived probe files.
    private static IEnumerable<string> OtherFiles(string dataFolder) =>
        Directory.EnumerateFiles(dataFolder, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) is var name && !name.StartsWith('.') && !name.EndsWith(".new", StringComparison.Ordinal)
                && !name.EndsWith(".db", StringComparison.Ordinal) && !name.EndsWith("-wal", StringComparison.Ordinal)
                && !name.EndsWith("-shm", StringComparison.Ordinal) && !name.EndsWith("-journal", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static SqliteConnection Connection(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
