using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MentorFlow.Functions.Reporting;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Input;
using MentorFlow.Testing;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Tests.Components;

public sealed class CosmosReportDocumentTests
{
    private const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    [Fact]
    public async Task Report_documents_land_in_Cosmos_partitioned_by_year_suppressed_and_a_second_refresh_replaces_them()
    {
        var endpoint = new Uri(RealComponents.Cosmos.Setting);
        await RealComponents.Cosmos.EnsureListeningAsync(endpoint);
        using var client = CreateClient(endpoint);
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

    private static CosmosClient CreateClient(Uri endpoint)
    {
        // Trust exactly the emulator's own certificate, not any certificate.
        var emulatorCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(RealComponents.CosmosCertificatePath));
        return new CosmosClient(endpoint.ToString(), EmulatorKey, new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.RawData.AsSpan().SequenceEqual(emulatorCertificate.RawData),
            }),
        });
    }
}
