using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// The report files as block blobs in one container (<c>reports</c> by default), each blob named as the file is. An upload
/// becomes visible only when it is committed whole (one Put Blob, or Put Block List after the blocks), so a reader gets the
/// old blob or the new one; a read is pinned to the blob's ETag, so a replacement mid-download fails it instead of mixing.
/// </summary>
public sealed class BlobReportFiles(BlobContainerClient container) : IReportFiles
{
    private volatile bool _containerExists;

    /// <summary>The container the files are in.</summary>
    public Uri ContainerUri => container.Uri;

    /// <inheritdoc/>
    public string? LocalFolder => null;

    /// <inheritdoc/>
    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = ReportFilePaths.Normalize(path);
        await EnsureContainerAsync(cancellationToken);
        await container.GetBlobClient(name).UploadAsync(content, Options(name), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task WriteFileAsync(string path, string localFile, CancellationToken cancellationToken)
    {
        var name = ReportFilePaths.Normalize(path);
        await EnsureContainerAsync(cancellationToken);
        await container.GetBlobClient(name).UploadAsync(localFile, Options(name), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ReportFile?> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(ReportFilePaths.Normalize(path));
        // Twice at most: a blob replaced between reading its properties and opening it is read again, as it is now.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                var stream = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
                {
                    Conditions = new BlobRequestConditions { IfMatch = properties.ETag },
                }, cancellationToken);
                return new ReportFile(stream, properties.ContentLength, properties.LastModified,
                    string.IsNullOrEmpty(properties.ContentType) ? ReportFilePaths.ContentType(blob.Name) : properties.ContentType);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 2)
            {
                // Replaced just now by a refresh: open the new one.
            }
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListAsync(string programYear, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            foreach (var prefix in ReportFilePaths.YearPrefixes(programYear))
            {
                await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
                {
                    names.Add(item.Name);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: nothing has been written.
            return [];
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(ReportFilePaths.Normalize(path)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container, so no blob: already gone.
        }
    }

    private static BlobUploadOptions Options(string name) => new()
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = ReportFilePaths.ContentType(name) },
    };

    // Created on the first write, so a deployment whose container was not made by Bicep still works; reads never create it.
    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerExists)
        {
            return;
        }

        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 403)
        {
            // An identity allowed to write blobs but not to create containers: the container is Bicep's, and the upload says if it is missing.
        }

        _containerExists = true;
    }
}
