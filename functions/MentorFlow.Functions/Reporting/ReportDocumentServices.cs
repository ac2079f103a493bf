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
            var client = new CosmosClient(cosmos["Endpoint"], cosmos["Key"] ?? throw new InvalidOperationException(
                "MentorFlow:Reports:Cosmos:Key is not set: give the account key, or remove the endpoint to write documents as files."),
                new CosmosClientOptions { UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) });
            return CosmosReportDocumentWriter.OpenAsync(client, cosmos["Database"] ?? "mentorflow", cosmos["Container"] ?? "reports", CancellationToken.None)
                .GetAwaiter().GetResult();
        });
    }
}
