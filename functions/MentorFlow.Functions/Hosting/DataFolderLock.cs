namespace MentorFlow.Functions.Hosting;

/// <summary>
/// A lock file in the data folder: every app process running on the folder holds it shared (several may, on a shared task
/// hub), and a restore holds it alone, so a restore never replaces files under a running app and no app starts mid-restore.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name in the data folder.</summary>
    public const string FileName = ".mentorflow.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>The lock on <paramref name="dataFolder"/> for a running app, or null while a restore holds it.</summary>
    public static DataFolderLock? TryShared(string dataFolder) => TryOpen(dataFolder, FileShare.ReadWrite);

    /// <summary>The lock on <paramref name="dataFolder"/> for a restore, or null while an app holds it.</summary>
    public static DataFolderLock? TryExclusive(string dataFolder) => TryOpen(dataFolder, FileShare.None);

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();

    private static DataFolderLock? TryOpen(string dataFolder, FileShare share)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        try
        {
            // .NET takes flock(LOCK_SH) for a read-only open that shares, and flock(LOCK_EX) for one that does not.
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, FileName), FileMode.OpenOrCreate, FileAccess.Read, share));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
