using MentorFlow.Reports.Documents;
using Microsoft.Azure.Cosmos;

namespace MentorFlow.Functions.Reporting;

/// <summary>
/// Report documents in Cosmos DB, one container partitioned by <c>/programYear</c>: each write replaces the document
/// of that district-year (or the statewide one).
/// </summary>
public sealed class CosmosReportDocumentWriter(Container container) : IReportDocumentWriter
{
    /// <summary>The partition key path.</summary>
    public const string PartitionKeyPath = "/programYear";

    /// <summary>Creates the database and container when missing, and returns a writer for them.</summary>
    public static async Task<CosmosReportDocumentWriter> OpenAsync(CosmosClient client, string database, string container, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var db = (await client.CreateDatabaseIfNotExistsAsync(database, cancellationToken: cancellationToken)).Database;
        var reports = (await db.CreateContainerIfNotExistsAsync(container, PartitionKeyPath, cancellationToken: cancellationToken)).Container;
        return new CosmosReportDocumentWriter(reports);
    }

    /// <inheritdoc/>
    public async Task WriteAsync(ReportDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await container.UpsertItemAsync(document, new PartitionKey(document.ProgramYear), cancellationToken: cancellationToken);
    }
}
