using MentorFlow.Functions.Health;

namespace MentorFlow.Functions.Hosting;

/// <summary><c>restore SRC [--MentorFlow:Folders:Root ...]</c>: brings the backup in SRC back into the data folder, with MentorFlow stopped.</summary>
public static class RestoreCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not [var source, .. var settings] || source.StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("Usage: restore <backup folder> [--MentorFlow:Folders:Root <folder>]. Stop MentorFlow first.");
            return 2;
        }

        var folders = CommandFolders.From(settings);
        try
        {
            var (manifest, movedAside) = DataRestore.Restore(Path.GetFullPath(source), folders.Data, TimeProvider.System);
            output.WriteLine($"Restored the backup taken at {manifest.TakenAt:u} into {folders.Data}.");
            if (movedAside is not null)
            {
                output.WriteLine($"What the data folder held before is kept in {movedAside}; delete it once MentorFlow runs as it should.");
            }

            output.WriteLine("Start MentorFlow: the years continue from the moment of the backup.");
            return 0;
        }
        catch (DataFolderProblemException ex)
        {
            error.WriteLine($"Nothing was restored: {ex.Message}");
            return 3;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"The restore stopped part-way ({ex.Message}). Free space or fix permissions on {folders.Data}, then run the restore again; the previous files are in a folder named {folders.Data}.before-restore-*.");
            return 3;
        }
    }
}
