using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using MentorFlow.Functions.Hosting;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Where the report files are kept (<c>MentorFlow:Reports:Files</c>): <c>Backend</c> = <c>Folder</c> (the default, the
/// reports folder) or <c>Blob</c> (a Blob Storage container, reached by <c>Blob:ServiceUri</c> with the app's identity, or by
/// <c>Blob:ConnectionString</c> for Azurite). A setting that is missing or wrong stops the start with what to set.
/// </summary>
public static partial class ReportFileServices
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MentorFlow:Reports:Files";

    /// <summary>Folder or Blob.</summary>
    public const string BackendSetting = Section + ":Backend";

    /// <summary>The account's blob endpoint, e.g. <c>https://account.blob.core.windows.net/</c>, reached with the app's identity.</summary>
    public const string ServiceUriSetting = Section + ":Blob:ServiceUri";

    /// <summary>The client id of a user-assigned managed identity to reach <see cref="ServiceUriSetting"/> with.</summary>
    public const string ClientIdSetting = Section + ":Blob:ClientId";

    /// <summary>A storage connection string with a key (Azurite and tests only).</summary>
    public const string ConnectionStringSetting = Section + ":Blob:ConnectionString";

    /// <summary>The container, <c>reports</c> by default.</summary>
    public const string ContainerSetting = Section + ":Blob:Container";

    /// <summary>The container used when <see cref="ContainerSetting"/> is not set.</summary>
    public const string DefaultContainer = "reports";

    /// <summary>Adds the <see cref="IReportFiles"/> the configuration asks for; throws, naming the setting, when it is missing or wrong.</summary>
    public static IServiceCollection AddReportFiles(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSingleton(Create(folders, configuration));
    }

    /// <summary>The report files the configuration asks for; throws <see cref="InvalidOperationException"/> naming the setting when it is missing or wrong.</summary>
    public static IReportFiles Create(EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        var backend = configuration[BackendSetting];
        if (string.IsNullOrWhiteSpace(backend) || backend.Equals("Folder", StringComparison.OrdinalIgnoreCase))
        {
            return new FolderReportFiles(folders.Reports);
        }

        if (!backend.Equals("Blob", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{BackendSetting} is '{backend}'; set it to Folder (the default, the reports folder) or Blob (Blob Storage).");
        }

        var container = configuration[ContainerSetting] is { Length: > 0 } named ? named : DefaultContainer;
        if (!ContainerName().IsMatch(container))
        {
            throw new InvalidOperationException(
                $"{ContainerSetting} is '{container}'; set it to a container name of 3 to 63 lower-case letters, digits and single hyphens, or remove it for '{DefaultContainer}'.");
        }

        return new BlobReportFiles(Service(configuration).GetBlobContainerClient(container));
    }

    /// <summary>The Blob Storage account the report files are in, when <see cref="BackendSetting"/> is Blob; otherwise null.</summary>
    public static BlobServiceClient? BlobAccount(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[BackendSetting] is { } backend && backend.Equals("Blob", StringComparison.OrdinalIgnoreCase) ? Service(configuration) : null;
    }

    private static BlobServiceClient Service(IConfiguration configuration)
    {
        var serviceUri = configuration[ServiceUriSetting];
        var connectionString = configuration[ConnectionStringSetting];
        var clientId = configuration[ClientIdSetting];
        var hasUri = !string.IsNullOrWhiteSpace(serviceUri);
        var hasConnectionString = !string.IsNullOrWhiteSpace(connectionString);
        if (hasUri == hasConnectionString)
        {
            throw new InvalidOperationException(hasUri
                ? $"Both {ServiceUriSetting} and {ConnectionStringSetting} are set; keep one: the service URI in Azure (the app's identity), the connection string for Azurite."
                : $"{BackendSetting} is Blob but neither {ServiceUriSetting} nor {ConnectionStringSetting} is set; set {ServiceUriSetting} to the storage " +
                  "account's blob endpoint (https://<account>.blob.core.windows.net/), or the connection string for Azurite.");
        }

        if (hasConnectionString)
        {
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                throw new InvalidOperationException(
                    $"{ClientIdSetting} is set with {ConnectionStringSetting}; a connection string carries its own key, so remove {ClientIdSetting} or use {ServiceUriSetting}.");
            }

            try
            {
                return new BlobServiceClient(connectionString);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                // The message of the parser could quote the key: only the setting is named.
                throw new InvalidOperationException(
                    $"{ConnectionStringSetting} is not a storage connection string; set it like DefaultEndpointsProtocol=http;AccountName=...;AccountKey=...;BlobEndpoint=..., or use {ServiceUriSetting}.");
            }
        }

        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException(
                $"{ServiceUriSetting} is '{serviceUri}'; set it to the storage account's blob endpoint, like https://<account>.blob.core.windows.net/.");
        }

        return new BlobServiceClient(uri, ManagedIdentity.Credential(clientId, ClientIdSetting));
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
