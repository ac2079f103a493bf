using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Components;

public sealed class AzuriteBlobTests
{
    [Fact]
    public async Task A_blob_written_to_Azurite_reads_back_with_its_bytes_and_content_type()
    {
        var service = new BlobServiceClient(RealComponents.Azurite.Setting);
        await RealComponents.Azurite.EnsureListeningAsync(service.Uri);
        var container = service.GetBlobContainerClient($"smoke-{Guid.NewGuid():N}");
        await container.CreateAsync();
        try
        {
            var blob = container.GetBlobClient("reports/2026/district-1.csv");
            var written = BinaryData.FromString("district,mentees\ndistrict-1,12\n");
            await blob.UploadAsync(written, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" } });

            var read = (await blob.DownloadContentAsync()).Value;

            Assert.Equal(written.ToArray(), read.Content.ToArray());
            Assert.Equal("text/csv", read.Details.ContentType);
        }
        finally
        {
            await container.DeleteAsync();
        }
    }
}
