using Azure.Storage.Blobs;
using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Reporting;
using MentorFlow.Testing;
using Microsoft.Extensions.Configuration;

namespace MentorFlow.Functions.Tests.Reporting;

/// <summary>The report files contract on the reports folder, configured as the app configures it by default.</summary>
public sealed class FolderReportFilesTests : ReportFilesContract
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mentorflow-report-files-");

    protected override Task<IReportFiles> CreateAsync()
    {
        var folders = new EmbeddedFolders(Path.Combine(_root.FullName, "data"), Path.Combine(_root.FullName, "outbox"), Path.Combine(_root.FullName, "reports"));
        var files = ReportFileServices.Create(folders, new ConfigurationBuilder().Build());
        Assert.IsType<FolderReportFiles>(files);
        return Task.FromResult(files);
    }

    protected override Task DeleteAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The report files contract on Blob Storage (Azurite), configured through the settings the app reads.</summary>
public sealed class BlobReportFilesTests : ReportFilesContract
{
    private readonly string _container = $"reports-{Guid.NewGuid():N}";

    protected override async Task<IReportFiles> CreateAsync()
    {
        await RealComponents.Azurite.EnsureListeningAsync(new BlobServiceClient(RealComponents.Azurite.Setting).Uri);
        var files = ReportFileServices.Create(new EmbeddedFolders("unused-data", "unused-outbox", "unused-reports"), new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [ReportFileServices.BackendSetting] = "Blob",
                [ReportFileServices.ConnectionStringSetting] = RealComponents.Azurite.Setting,
                [ReportFileServices.ContainerSetting] = _container,
            })
            .Build());
        Assert.IsType<BlobReportFiles>(files);
        return files;
    }

    protected override Task DeleteAsync() =>
        new BlobServiceClient(RealComponents.Azurite.Setting).GetBlobContainerClient(_container).DeleteIfExistsAsync();
}
