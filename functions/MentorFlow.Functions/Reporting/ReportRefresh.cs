using MentorFlow.Functions.Districts;
using MentorFlow.Functions.Hosting;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Excel;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.PowerBi;

namespace MentorFlow.Functions.Reporting;

/// <summary>What a refresh wrote.</summary>
/// <param name="ProgramYear">The program year.</param>
/// <param name="Files">The files written, relative to the reports folder.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record RefreshReport(string ProgramYear, IReadOnlyList<string> Files, TimeSpan Elapsed);

/// <summary>
/// Refreshes a program year's outputs: each district's workbook, the statewide workbook and the report documents,
/// under <c>{reports}/{programYear}/</c>. A plain handler: the nightly job, the refresh endpoint and (in Azure) a timer
/// trigger all call it. Files are written aside and moved into place, so a reader never sees half a workbook.
/// </summary>
public sealed partial class ReportRefresh(ReportYearReader reader, DistrictDirectory districts, EmbeddedFolders folders, IReportDocumentWriter documents, ILogger<ReportRefresh> logger)
{
    /// <summary>The file a district's workbook is written to, relative to the reports folder.</summary>
    public static string DistrictWorkbookPath(string programYear, string districtId) => Path.Combine(programYear, "districts", $"{districtId}.xlsx");

    /// <summary>The statewide workbook, relative to the reports folder.</summary>
    public static string StateWorkbookPath(string programYear) => Path.Combine(programYear, "state.xlsx");

    /// <summary>The Power BI folder of a program year, relative to the reports folder.</summary>
    public static string PowerBiFolder(string programYear) => Path.Combine("powerbi", programYear);

    /// <summary>Writes every output of <paramref name="programYear"/>; progress is logged per district.</summary>
    public async Task<RefreshReport> RunAsync(string programYear, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var written = new List<string>();
        var years = new List<DistrictYear>();
        foreach (var (districtId, _) in districts.All)
        {
            var year = await reader.ReadAsync(districtId, programYear, cancellationToken);
            years.Add(year);
            var path = DistrictWorkbookPath(programYear, districtId);
            Write(path, stream => DistrictWorkbook.Write(year, stream));
            await documents.WriteAsync(ReportDocument.ForDistrict(year), cancellationToken);
            written.Add(path);
            written.Add(Path.Combine(programYear, "documents", $"{districtId}.json"));
            LogDistrict(districtId, programYear, year.Pairings.Count);
        }

        Write(StateWorkbookPath(programYear), stream => StateWorkbook.Write(programYear, years, stream));
        // The star schema is written into a new folder and swapped in, so Power BI never reads half a refresh.
        var powerBi = Path.Combine(folders.Reports, PowerBiFolder(programYear));
        var fresh = powerBi + ".partial";
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }

        var manifest = await StarSchemaWriter.WriteAsync(StarSchema.Build(years), programYear, fresh, cancellationToken);
        if (Directory.Exists(powerBi))
        {
            Directory.Delete(powerBi, recursive: true);
        }

        Directory.Move(fresh, powerBi);
        written.Add(Path.Combine(PowerBiFolder(programYear), "manifest.json"));
        written.AddRange(manifest.Tables.SelectMany(t => new[] { t.Parquet, t.Csv }).Select(f => Path.Combine(PowerBiFolder(programYear), f)));
        await documents.WriteAsync(ReportDocument.ForState(programYear, years), cancellationToken);
        written.Add(StateWorkbookPath(programYear));
        written.Add(Path.Combine(programYear, "documents", "statewide.json"));
        LogDone(programYear, written.Count, started.Elapsed.TotalSeconds);
        return new RefreshReport(programYear, written, started.Elapsed);
    }

    private void Write(string relative, Action<Stream> write)
    {
        var path = Path.Combine(folders.Reports, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path + ".partial"))
        {
            write(file);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: district {DistrictId} written ({Pairings} pairings)")]
    private partial void LogDistrict(string districtId, string programYear, int pairings);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reports {ProgramYear}: {Files} files refreshed in {Seconds:0.0} s")]
    private partial void LogDone(string programYear, int files, double seconds);
}
