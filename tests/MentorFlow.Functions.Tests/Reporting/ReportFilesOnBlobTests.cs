using System.Net;
using Azure.Storage.Blobs;
using ClosedXML.Excel;
using MentorFlow.Functions.Reporting;
using MentorFlow.Functions.Staff;
using MentorFlow.Functions.Tests.Forms;
using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Reporting;

public sealed class ReportFilesOnBlobTests
{
    [Fact]
    public async Task With_Blob_configured_a_refresh_publishes_to_the_container_and_an_analyst_downloads_a_workbook_that_opens()
    {
        var service = new BlobServiceClient(RealComponents.Azurite.Setting);
        await RealComponents.Azurite.EnsureListeningAsync(service.Uri);
        var container = service.GetBlobContainerClient($"reports-{Guid.NewGuid():N}");
        try
        {
            await using var app = await RunningApp.StartAsync(
                "--MentorFlow:Reports:Files:Backend", "Blob",
                "--MentorFlow:Reports:Files:Blob:ConnectionString", RealComponents.Azurite.Setting,
                "--MentorFlow:Reports:Files:Blob:Container", container.Name);
            var id = await StepPages.StartPairingAsync(app);
            using var analyst = app.Client(StaffRole.Analyst);

            using var missing = await analyst.GetAsync("/api/reports/2026-2027/districts/demo-district.xlsx");
            using var missingManifest = await analyst.GetAsync("/api/reports/2026-2027/powerbi/fact_published_figure.parquet");
            using var refreshed = await analyst.PostAsync("/api/reports/2026-2027/refresh", null);
            using var district = await analyst.GetAsync("/api/reports/2026-2027/districts/demo-district.xlsx");

            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
            Assert.Contains("POST /api/reports/2026-2027/refresh", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, missingManifest.StatusCode);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            Assert.Equal(HttpStatusCode.OK, district.StatusCode);
            Assert.Equal(ReportFilePaths.Xlsx, district.Content.Headers.ContentType?.MediaType);
            Assert.Equal("demo-district-2026-2027.xlsx", district.Content.Headers.ContentDisposition?.FileNameStar ?? district.Content.Headers.ContentDisposition?.FileName);
            var blob = (await container.GetBlobClient("2026-2027/districts/demo-district.xlsx").GetPropertiesAsync()).Value;
            Assert.Equal(blob.ContentLength, district.Content.Headers.ContentLength);
            Assert.Equal(blob.LastModified, district.Content.Headers.LastModified);
            using (var workbook = new XLWorkbook(await district.Content.ReadAsStreamAsync()))
            {
                var pairings = workbook.Worksheet("Pairings").Table("Pairings").DataRange;
                Assert.Equal(id, pairings.Row(1).Cell(1).GetString());
            }

            // The Power BI files come from the container too: the manifest, and only the files it lists.
            using var manifest = await analyst.GetAsync("/api/reports/2026-2027/powerbi/manifest.json");
            Assert.Equal("application/json", manifest.Content.Headers.ContentType?.MediaType);
            var figures = (await RunningApp.JsonAsync(manifest)).GetProperty("tables").EnumerateArray()
                .Single(t => t.GetProperty("table").GetString() == "fact_published_figure");
            using var parquet = await analyst.GetAsync($"/api/reports/2026-2027/powerbi/{figures.GetProperty("parquet").GetString()}");
            Assert.Equal("application/vnd.apache.parquet", parquet.Content.Headers.ContentType?.MediaType);
            Assert.Equal("PAR1", System.Text.Encoding.ASCII.GetString((await parquet.Content.ReadAsByteArrayAsync())[..4]));
            using var unlisted = await analyst.GetAsync("/api/reports/2026-2027/powerbi/..%2F2026-2027%2Fstate.xlsx");
            Assert.Equal(HttpStatusCode.NotFound, unlisted.StatusCode);

            // Nothing of the published set is left in the local folder: the analyst read the blobs.
            var names = new List<string>();
            await foreach (var item in container.GetBlobsAsync())
            {
                names.Add(item.Name);
            }

            Assert.Contains("2026-2027/state.xlsx", names);
            Assert.Contains("powerbi/2026-2027/manifest.json", names);
            Assert.Contains("2026-2027/districts/demo-district/powerbi/manifest.json", names);
            Assert.DoesNotContain(names, n => n.EndsWith(".partial", StringComparison.Ordinal));
            var reports = Path.Combine(app.Root, "reports");
            Assert.Empty(Directory.Exists(reports) ? Directory.GetFiles(reports, "*.xlsx", SearchOption.AllDirectories) : []);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
