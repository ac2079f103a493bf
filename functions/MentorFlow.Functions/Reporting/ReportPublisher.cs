namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Publishes a program year's outputs, written whole into a local staging folder, to remote report files. Each file is
/// uploaded whole (the store shows it only once committed); in each Power BI folder the tables go before
/// <c>manifest.json</c>, so a reader who follows the manifest finds every file it lists, and files a new manifest no
/// longer lists are removed after it, as the folder swap does on disk.
/// </summary>
public static class ReportPublisher
{
    private const string Manifest = "manifest.json";

    /// <summary>Uploads every file under <paramref name="staging"/> to <paramref name="files"/> at its relative path; returns how many.</summary>
    public static async Task<int> PublishAsync(IReportFiles files, string programYear, string staging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var local = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
            .Select(file => (File: file, Name: Path.GetRelativePath(staging, file).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        var manifests = local.Where(f => Path.GetFileName(f.Name) == Manifest).ToList();
        // Uploads mostly wait on the network, so several at once.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 16 };
        await Parallel.ForEachAsync(local.Except(manifests), parallel, (f, token) => new ValueTask(files.WriteFileAsync(f.Name, f.File, token)));
        await Parallel.ForEachAsync(manifests, parallel, (f, token) => new ValueTask(files.WriteFileAsync(f.Name, f.File, token)));

        var folders = manifests.Select(m => m.Name[..^Manifest.Length]).ToList();
        var written = local.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var stale = (await files.ListAsync(programYear, cancellationToken))
            .Where(name => !written.Contains(name) && folders.Any(folder => name.StartsWith(folder, StringComparison.Ordinal)))
            .ToList();
        await Parallel.ForEachAsync(stale, parallel, (name, token) => new ValueTask(files.DeleteAsync(name, token)));
        return local.Count;
    }
}
