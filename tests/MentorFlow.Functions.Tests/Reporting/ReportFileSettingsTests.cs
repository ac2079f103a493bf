using MentorFlow.Functions.Hosting;
using MentorFlow.Functions.Reporting;
using MentorFlow.Functions.Tests.Hosting;
using Microsoft.Extensions.Configuration;

namespace MentorFlow.Functions.Tests.Reporting;

public sealed class ReportFileSettingsTests
{
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";
    private static readonly EmbeddedFolders Folders = new("data", "outbox", "reports");

    [Fact]
    public void Without_settings_the_files_are_in_the_reports_folder()
    {
        var files = ReportFileServices.Create(Folders, Settings());

        Assert.Equal(Path.GetFullPath("reports"), Assert.IsType<FolderReportFiles>(files).LocalFolder);
    }

    [Fact]
    public void Blob_with_a_service_uri_uses_the_identity_and_the_reports_container_by_default()
    {
        var files = ReportFileServices.Create(Folders, Settings(
            ("Backend", "Blob"), ("Blob:ServiceUri", "https://mentorflowreports.blob.core.windows.net/"), ("Blob:ClientId", "6c7a2f3e-1b1d-4f7e-9a55-2f6f0c1d9e10")));

        Assert.Equal(new Uri("https://mentorflowreports.blob.core.windows.net/reports"), Assert.IsType<BlobReportFiles>(files).ContainerUri);
        Assert.Null(files.LocalFolder);
    }

    [Theory]
    [InlineData("Bucket", null, null, null, null, "MentorFlow:Reports:Files:Backend is 'Bucket'; set it to Folder")]
    [InlineData("Blob", null, null, null, null, "neither MentorFlow:Reports:Files:Blob:ServiceUri nor MentorFlow:Reports:Files:Blob:ConnectionString is set")]
    [InlineData("Blob", "https://a.blob.core.windows.net/", Azurite, null, null, "keep one")]
    [InlineData("Blob", "a.blob.core.windows.net", null, null, null, "MentorFlow:Reports:Files:Blob:ServiceUri is 'a.blob.core.windows.net'; set it to the storage account's blob endpoint")]
    [InlineData("Blob", "https://a.blob.core.windows.net/", null, "my-identity", null, "MentorFlow:Reports:Files:Blob:ClientId is 'my-identity'; set it to the client id (a GUID)")]
    [InlineData("Blob", null, Azurite, "6c7a2f3e-1b1d-4f7e-9a55-2f6f0c1d9e10", null, "remove MentorFlow:Reports:Files:Blob:ClientId")]
    [InlineData("Blob", null, "not a connection string", null, null, "MentorFlow:Reports:Files:Blob:ConnectionString is not a storage connection string")]
    [InlineData("Blob", null, Azurite, null, "Reports_2026", "MentorFlow:Reports:Files:Blob:Container is 'Reports_2026'; set it to a container name")]
    public void A_missing_or_wrong_setting_is_refused_naming_it_and_what_to_set(
        string backend, string? serviceUri, string? connectionString, string? clientId, string? container, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ReportFileServices.Create(Folders, Settings(
            ("Backend", backend), ("Blob:ServiceUri", serviceUri), ("Blob:ConnectionString", connectionString), ("Blob:ClientId", clientId), ("Blob:Container", container))));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8vdM02", refused.Message, StringComparison.Ordinal); // never the key
    }

    [Fact]
    public async Task The_app_does_not_start_with_a_wrong_setting_and_says_which()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningApp.StartAsync("--MentorFlow:Reports:Files:Backend", "Blob"));

        Assert.Contains(ReportFileServices.ServiceUriSetting, refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create($"{ReportFileServices.Section}:{s.Key}", s.Value)))
        .Build();
}
