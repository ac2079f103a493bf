using MentorFlow.Functions.Health;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// Brings a backup back into the data folder: only a complete backup (every file <c>backup.json</c> lists, with its size and
/// hash), only while no app runs on the folder; what the folder held before is moved aside, never deleted.
/// </summary>
public static class DataRestore
{
    /// <summary>Restores <paramref name="backup"/> into <paramref name="dataFolder"/>; returns the manifest and the folder the previous files were moved to (null when there were none).</summary>
    public static (BackupManifest Manifest, string? MovedAside) Restore(string backup, string dataFolder, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backup);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        ArgumentNullException.ThrowIfNull(time);
        if (DataBackup.IsInside(backup, dataFolder))
        {
            throw new DataFolderProblemException($"The backup {backup} is inside the data folder {dataFolder}. Nothing was changed; move the backup out of it, then restore again.");
        }

        var manifest = BackupManifest.Read(backup) ?? throw new DataFolderProblemException(
            $"{backup} is not a complete MentorFlow backup: it has no readable {BackupManifest.FileName} (the backup was cut short, or this is another folder). " +
            "Nothing was changed; restore another backup.");
        foreach (var file in manifest.Files)
        {
            if (Problem(backup, file) is { } problem)
            {
                throw new DataFolderProblemException($"The backup {backup} is incomplete: {problem}. Nothing was changed; restore another backup.");
            }
        }

        using var alone = DataFolderLock.TryExclusive(dataFolder) ?? throw new DataFolderProblemException(
            $"MentorFlow is running on {dataFolder}. Nothing was changed; stop it (Ctrl-C), then restore again.");
        var movedAside = MoveAside(dataFolder, time);
        foreach (var file in manifest.Files)
        {
            var target = Path.Combine(dataFolder, Path.GetRelativePath(DataBackup.DataFolderName, file.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(backup, file.Path), target);
        }

        return (manifest, movedAside);
    }

    private static string? Problem(string backup, BackupFile file)
    {
        var path = Path.GetFullPath(Path.Combine(backup, file.Path));
        if (!file.Path.StartsWith(DataBackup.DataFolderName + "/", StringComparison.Ordinal) || !path.StartsWith(Path.GetFullPath(backup) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"{file.Path} is not a file of a data folder";
        }

        if (!File.Exists(path))
        {
            return $"{path} is missing";
        }

        return BackupFile.Of(path, file.Path) == file ? null : $"{path} is not the file the backup wrote (its size or contents differ)";
    }

    private static string? MoveAside(string dataFolder, TimeProvider time)
    {
        string[] present = [.. Directory.EnumerateFileSystemEntries(dataFolder).Where(entry => Path.GetFileName(entry) != DataFolderLock.FileName)];
        if (present.Length == 0)
        {
            return null;
        }

        var aside = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataFolder))}.before-restore-{time.GetUtcNow():yyyyMMdd-HHmmss}");
        Directory.CreateDirectory(aside);
        foreach (var entry in present)
        {
            var target = Path.Combine(aside, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                Directory.Move(entry, target);
            }
            else
            {
                File.Move(entry, target);
            }
        }

        return aside;
    }
}
