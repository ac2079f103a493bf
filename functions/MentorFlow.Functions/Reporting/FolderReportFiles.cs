namespace MentorFlow.Functions.Reporting;

/// <summary>
/// The report files as files under the reports folder (<see cref="Hosting.EmbeddedFolders.Reports"/>), each at its
/// name. A file is written aside (<c>*.partial</c>) and moved over the old one, so a reader never opens half of it.
/// </summary>
public sealed class FolderReportFiles : IReportFiles
{
    private const string Partial = ".partial";
    private readonly string _root;

    /// <summary>The files under <paramref name="root"/>.</summary>
    public FolderReportFiles(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
    }

    /// <inheritdoc/>
    public string? LocalFolder => _root;

    /// <inheritdoc/>
    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // A name of its own per write, so two writers of one file never share the partial copy.
        var partial = $"{target}.{Guid.NewGuid():N}{Partial}";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <inheritdoc/>
    public async Task WriteFileAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await WriteAsync(path, source, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReportFile?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = FullPath(path);
        try
        {
            // Delete shared: a refresh may move a new file over this one while an analyst is still downloading it.
            var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<ReportFile?>(new ReportFile(stream, stream.Length, File.GetLastWriteTimeUtc(full), ReportFilePaths.ContentType(full)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<ReportFile?>(null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<string>> ListAsync(string programYear, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var names = new List<string>();
        foreach (var prefix in ReportFilePaths.YearPrefixes(programYear))
        {
            var folder = FullPath(prefix.TrimEnd('/'));
            if (!Directory.Exists(folder))
            {
                continue;
            }

            names.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/'))
                // Files and folders still being written (by a refresh under way) are not there yet.
                .Where(name => !name.Split('/').Any(part => part.EndsWith(Partial, StringComparison.Ordinal))));
        }

        names.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = FullPath(path);
        try
        {
            File.Delete(full);
        }
        catch (DirectoryNotFoundException)
        {
            // No folder, so no file: already gone.
        }

        return Task.CompletedTask;
    }

    private string FullPath(string path) => Path.Combine(_root, ReportFilePaths.Normalize(path).Replace('/', Path.DirectorySeparatorChar));
}
