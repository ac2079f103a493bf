using System.Text.Json;
using MentorFlow.Functions.Hosting;
using MentorFlow.Reports.Documents;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Reporting;

/// <summary>Where report documents go: Cosmos DB when <c>MentorFlow:Reports:Cosmos:Endpoint</c> is set, JSON files in the reports folder otherwise.</summary>
public static class ReportDocumentServices
{
    /// <summary>Adds the document writer the configuration asks for.</summary>
    public static IServiceCollection AddReportDocuments(this IServiceCollection services, EmbeddedFolders folders, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(folders);
        ArgumentNullException.ThrowIfNull(configuration);
        var cosmos = configuration.GetSection("MentorFlow:Reports:Cosmos");
        if (string.IsNullOrWhiteSpace(cosmos["Endpoint"]))
        {
            return services.AddSingleton<IReportDocumentWriter>(_ => new JsonFileReportDocumentWriter(folders.Reports));
        }

        return services.AddSingleton<IReportDocumentWriter>(_ =>
        {
            var options = new CosmosClientOptions { UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) };
            // The emulator's well-known key in tests; in Azure the app's managed identity (local key auth is off there).
            var client = string.IsNullOrWhiteSpace(cosmos["Key"])
                ? new CosmosClient(cosmos["Endpoint"], ManagedIdentity.Credential(cosmos["ClientId"], "MentorFlow:Reports:Cosmos:ClientId"), options)
                : new CosmosClient(cosmos["Endpoint"], cosmos["Key"], options);
            return CosmosReportDocumentWriter.OpenAsync(client, cosmos["Database"] ?? "mentorflow", cosmos["Container"] ?? "reports", CancellationToken.None)
                .GetAwaiter().GetResult();
        });
    }
}
