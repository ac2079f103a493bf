using MentorFlow.Functions.Health;

namespace MentorFlow.Functions.Hosting;

/// <summary><c>backup DEST [--MentorFlow:Folders:Root ...]</c>: a consistent copy of the data folder (databases and keys) into the new folder DEST, also while the app runs.</summary>
public static class BackupCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var destination, .. var settings] || destination.StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("Usage: backup <new folder> [--MentorFlow:Folders:Root <folder>]. Name a new, empty folder, best on another disk.");
            return 2;
        }

        var folders = CommandFolders.From(settings);
        try
        {
            var manifest = DataBackup.Take(folders.Data, Path.GetFullPath(destination), TimeProvider.System);
            output.WriteLine($"Backed up {manifest.Files.Count} files of {folders.Data} into {Path.GetFullPath(destination)} at {manifest.TakenAt:u}.");
            output.WriteLine("Keep it on another disk or machine. To bring it back: stop MentorFlow, then run restore with this folder.");
            return 0;
        }
        catch (DataFolderProblemException ex)
        {
            error.WriteLine($"No backup was taken: {ex.Message}");
            return 3;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            error.WriteLine($"No complete backup was taken ({ex.Message}). Check that {destination} is writable and its disk has space, then run the backup again into a new folder.");
            return 3;
        }
    }
}
