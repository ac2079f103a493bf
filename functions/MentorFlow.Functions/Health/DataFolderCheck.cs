using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Links;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Functions.Health;

/// <summary>
/// What the app checks in its data folder before it starts: the folder takes writes, every database is sound, and the
/// link key is there whenever pairings are (a new key would silently break every link already emailed).
/// </summary>
public static class DataFolderCheck
{
    /// <summary>The records database's file name in the data folder.</summary>
    public const string RecordsFile = "mentorflow.db";

    /// <summary>Throws <see cref="DataFolderProblemException"/> listing every problem found, each with what to do.</summary>
    public static void Run(EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        if (FolderProblem(folders.Data) is { } folder)
        {
            problems.Add(folder);
        }

        var databases = DatabaseCheck.ProblemsIn(folders.Data);
        problems.AddRange(databases);
        if (databases.Count == 0 && MissingLinkKey(folders.Data, configuration) is { } key)
        {
            problems.Add(key);
        }

        if (problems.Count > 0)
        {
            throw new DataFolderProblemException(string.Join(Environment.NewLine, problems));
        }
    }

    private static string? FolderProblem(string dataFolder)
    {
        var probe = Path.Combine(dataFolder, $".start-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The data folder {dataFolder} does not take writes ({ex.Message}). Free space on its disk, or make it writable for the user running MentorFlow.";
        }
    }

    private static string? MissingLinkKey(string dataFolder, IConfiguration configuration)
    {
        var keyFile = Path.Combine(dataFolder, StepLinkSigner.KeyFile);
        var records = Path.Combine(dataFolder, RecordsFile);
        if (!string.IsNullOrEmpty(configuration[StepLinkSigner.KeySetting]) || File.Exists(keyFile) || !HoldsPairings(records))
        {
            return null;
        }

        return $"The link key {keyFile} is missing, but {records} holds pairings: a new key would make every link already emailed stop working. " +
            $"Restore {StepLinkSigner.KeyFile} from your latest backup into {dataFolder} (or restore the whole backup), or set {StepLinkSigner.KeySetting} " +
            "to the key. Only to give up on every link sent so far, set it to a new key (openssl rand -base64 32).";
    }

    private static bool HoldsPairings(string records)
    {
        if (!File.Exists(records))
        {
            return false;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = records, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Pairings';";
        if (command.ExecuteScalar() is null)
        {
            return false;
        }

        command.CommandText = "SELECT EXISTS (SELECT 1 FROM Pairings);";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
