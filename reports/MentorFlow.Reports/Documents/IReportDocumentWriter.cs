namespace MentorFlow.Reports.Documents;

/// <summary>Where report documents go: JSON files beside the other outputs when embedded, Cosmos DB when deployed.</summary>
public interface IReportDocumentWriter
{
    /// <summary>Writes (or replaces) <paramref name="document"/>.</summary>
    Task WriteAsync(ReportDocument document, CancellationToken cancellationToken);
}
