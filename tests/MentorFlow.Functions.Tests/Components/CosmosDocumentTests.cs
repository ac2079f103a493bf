using System.Net;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Tests.Components;

public sealed class CosmosDocumentTests
{
    private sealed record ReportDocument(string Id, string DistrictId, string Title);

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_refused_with_412_and_changes_nothing()
    {
        using var client = await CosmosEmulator.ConnectAsync();
        var database = (await client.CreateDatabaseAsync($"smoke-{Guid.NewGuid():N}")).Database;
        try
        {
            var container = (await database.CreateContainerAsync("reports", "/districtId")).Container;
            var partition = new PartitionKey("district-1");
            var document = new ReportDocument(Guid.NewGuid().ToString("N"), "district-1", "first");
            var created = await container.CreateItemAsync(document, partition);

            var read = await container.ReadItemAsync<ReportDocument>(document.Id, partition);
            Assert.Equal(document, read.Resource);
            Assert.False(string.IsNullOrEmpty(read.ETag));
            Assert.Equal(created.ETag, read.ETag);

            var replaced = await container.ReplaceItemAsync(
                document with { Title = "second" }, document.Id, partition, new ItemRequestOptions { IfMatchEtag = read.ETag });
            Assert.NotEqual(read.ETag, replaced.ETag);

            var refused = await Assert.ThrowsAsync<CosmosException>(() => container.ReplaceItemAsync(
                document with { Title = "stale" }, document.Id, partition, new ItemRequestOptions { IfMatchEtag = read.ETag }));
            Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);

            var final = await container.ReadItemAsync<ReportDocument>(document.Id, partition);
            Assert.Equal("second", final.Resource.Title);
            Assert.Equal(replaced.ETag, final.ETag);
        }
        finally
        {
            await database.DeleteAsync();
        }
    }
}
