using MentorFlow.Functions.Reporting;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Input;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Tests.Components;

public sealed class CosmosReportDocumentTests
{
    [Fact]
    public async Task Report_documents_land_in_Cosmos_partitioned_by_year_suppressed_and_a_second_refresh_replaces_them()
    {
        using var client = await CosmosEmulator.ConnectAsync();
        var databaseName = $"reports-{Guid.NewGuid():N}";
        try
        {
            var writer = await CosmosReportDocumentWriter.OpenAsync(client, databaseName, "reports", default);
            var small = new DistrictYear("small", "Small District", "2026-2027",
                [new PairingFacts("p1", "Lincoln", "M1", "T1", 1, "FullYear", new DateOnly(2026, 9, 1), 20, 21, PairingResult.Completed, "Weekly", true, 5, 4)],
                [], [], [], [], DistrictNarrative.Empty);

            await writer.WriteAsync(ReportDocument.ForDistrict(small), default);
            await writer.WriteAsync(ReportDocument.ForDistrict(small), default); // the nightly refresh again

            var container = client.GetContainer(databaseName, "reports");
            var read = await container.ReadItemAsync<ReportDocument>("2026-2027_small", new PartitionKey("2026-2027"));
            Assert.Equal(ReportDocument.CurrentSchemaVersion, read.Resource.SchemaVersion);
            var served = read.Resource.Figures.Single(f => f.Key == "beginning_teachers_served");
            Assert.True(served.Suppressed);
            Assert.Null(served.Value);
            using var query = container.GetItemQueryIterator<ReportDocument>(
                new QueryDefinition("SELECT * FROM c WHERE c.programYear = @year").WithParameter("@year", "2026-2027"),
                requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey("2026-2027") });
            var all = new List<ReportDocument>();
            while (query.HasMoreResults)
            {
                all.AddRange(await query.ReadNextAsync());
            }

            Assert.Single(all);
        }
        finally
        {
            await client.GetDatabase(databaseName).DeleteAsync();
        }
    }
}
