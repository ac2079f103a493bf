using System.Text.Json;

namespace MentorFlow.Reports.Documents;

/// <summary>The embedded document writer: <c>{folder}/{programYear}/documents/{districtId}.json</c>.</summary>
public sealed class JsonFileReportDocumentWriter(string folder) : IReportDocumentWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <inheritdoc/>
    public async Task WriteAsync(ReportDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var directory = Path.Combine(folder, document.ProgramYear, "documents");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{document.DistrictId}.json");
        await using (var file = FreshFile.Create(path + ".partial"))
        {
            await JsonSerializer.SerializeAsync(file, document, Json, cancellationToken);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
