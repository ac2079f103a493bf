using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// The data-protection key ring (form tokens, the saved-form notice, sign-in cookies) in a blob container, so every
/// instance of the app in Azure reads the same keys and a token made by one is accepted by another, also after a restart.
/// </summary>
public sealed class BlobKeyRing(BlobContainerClient container) : IXmlRepository
{
    /// <summary>The container the keys are kept in.</summary>
    public const string ContainerName = "keyring";

    private int _created;

    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureContainer();
        return [.. container.GetBlobs().Select(blob =>
        {
            using var content = container.GetBlobClient(blob.Name).OpenRead();
            return XElement.Load(content);
        })];
    }

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        EnsureContainer();
        using var content = new MemoryStream();
        element.Save(content, SaveOptions.DisableFormatting);
        content.Position = 0;
        // Each key is written once under its own name; two instances creating keys at once both keep theirs.
        container.GetBlobClient($"{(string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName)}.xml").Upload(content, overwrite: false);
    }

    private void EnsureContainer()
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            try
            {
                container.CreateIfNotExists();
            }
            catch (RequestFailedException ex) when (ex.Status == 403)
            {
                // An identity without the right to create containers uses the one the infrastructure made.
            }
        }
    }
}
