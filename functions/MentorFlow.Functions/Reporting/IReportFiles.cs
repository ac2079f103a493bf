namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Where the report files (workbooks, Power BI files) are kept: the reports folder on one machine, a Blob Storage container
/// in Azure. A file is named by its path relative to the reports folder, with <c>/</c> between parts
/// (e.g. <c>2026-2027/districts/demo-district.xlsx</c>, <c>powerbi/2026-2027/manifest.json</c>); the same name is the blob's.
/// Every write publishes the file whole: a reader sees the old file or the new one, never part of one.
/// </summary>
public interface IReportFiles
{
    /// <summary>
    /// The folder the files are in when they are local files, or null when they are remote. A refresh writes straight
    /// into a local folder (each file aside and moved in, a Power BI folder swapped whole); for remote files it writes a
    /// local copy first and publishes it with <see cref="ReportPublisher"/>.
    /// </summary>
    string? LocalFolder { get; }

    /// <summary>Writes (or replaces) the file at <paramref name="path"/> with what <paramref name="content"/> holds from its position on.</summary>
    Task WriteAsync(string path, Stream content, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) the file at <paramref name="path"/> with a copy of the local file <paramref name="localFile"/>.</summary>
    Task WriteFileAsync(string path, string localFile, CancellationToken cancellationToken);

    /// <summary>Opens the file at <paramref name="path"/> for reading, or returns null when there is none.</summary>
    Task<ReportFile?> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>The files of <paramref name="programYear"/> (under <c>{year}/</c> and <c>powerbi/{year}/</c>), by path, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string programYear, CancellationToken cancellationToken);

    /// <summary>Removes the file at <paramref name="path"/>; nothing happens when there is none.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A report file opened for reading. Dispose it (or let the HTTP response do so) to let go of the stream.</summary>
/// <param name="Content">The bytes, read from the start.</param>
/// <param name="Length">How many bytes.</param>
/// <param name="LastModified">When the file was last written.</param>
/// <param name="ContentType">Its media type, from its extension (see <see cref="ReportFilePaths.ContentType"/>).</param>
public sealed record ReportFile(Stream Content, long Length, DateTimeOffset LastModified, string ContentType) : IAsyncDisposable
{
    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>The names report files go by, and their media types.</summary>
public static class ReportFilePaths
{
    /// <summary>The Excel workbook media type.</summary>
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The name of a file from a path relative to the reports folder (as <see cref="MentorFlow.Reports.YearOutputs"/> gives them), with <c>/</c> between parts.</summary>
    public static string Normalize(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        var path = relativePath.Replace('\\', '/');
        // A name is a path inside the reports: nothing absolute, empty or climbing out of it.
        if (path.StartsWith('/') || path.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"'{relativePath}' is not a path inside the reports.", nameof(relativePath));
        }

        return path;
    }

    /// <summary>The prefixes that hold <paramref name="programYear"/>'s files, each ending in <c>/</c>.</summary>
    public static IReadOnlyList<string> YearPrefixes(string programYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programYear);
        return [$"{programYear}/", $"powerbi/{programYear}/"];
    }

    /// <summary>The media type of a report file, from its extension.</summary>
    public static string ContentType(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".XLSX" => Xlsx,
            ".JSON" => "application/json",
            ".CSV" => "text/csv; charset=utf-8",
            ".PARQUET" => "application/vnd.apache.parquet",
            _ => "application/octet-stream",
        };
    }
}
