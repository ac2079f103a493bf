using System.Diagnostics;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Excel;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.PowerBi;

namespace MentorFlow.Reports;

/// <summary>How long one kind of output took.</summary>
/// <param name="Output">What was written.</param>
/// <param name="Files">How many files.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record OutputTiming(string Output, int Files, TimeSpan Elapsed);

/// <summary>
/// Every output of a program year, written into one folder: <c>{year}/districts/{id}.xlsx</c>, <c>{year}/state.xlsx</c>,
/// <c>powerbi/{year}/</c> and the report documents. Each file is written aside and moved into place (the Power BI folder
/// is swapped whole), so a reader never sees half a refresh. District workbooks are written on every core.
/// </summary>
public static class YearOutputs
{
    /// <summary>A district's workbook, relative to the folder.</summary>
    public static string DistrictWorkbookPath(string programYear, string districtId) => Path.Combine(programYear, "districts", $"{districtId}.xlsx");

    /// <summary>The statewide workbook, relative to the folder.</summary>
    public static string StateWorkbookPath(string programYear) => Path.Combine(programYear, "state.xlsx");

    /// <summary>The Power BI folder, relative to the folder.</summary>
    public static string PowerBiFolder(string programYear) => Path.Combine("powerbi", programYear);

    /// <summary>Writes everything; <paramref name="progress"/> hears of each district and each output as it is done.</summary>
    public static async Task<IReadOnlyList<OutputTiming>> WriteAsync(
        string programYear, IReadOnlyList<DistrictYear> districts, string folder, IReportDocumentWriter documents, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(progress);
        var timings = new List<OutputTiming>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(districts, new ParallelOptions { CancellationToken = cancellationToken }, (year, _) =>
        {
            WriteFile(folder, DistrictWorkbookPath(programYear, year.DistrictId), stream => DistrictWorkbook.Write(year, stream));
            progress($"district workbook {year.DistrictId}: {year.Pairings.Count} pairings");
            return ValueTask.CompletedTask;
        });
        timings.Add(Done("district workbooks", districts.Count));

        WriteFile(folder, StateWorkbookPath(programYear), stream => StateWorkbook.Write(programYear, districts, stream));
        timings.Add(Done("state workbook", 1));

        var powerBi = Path.Combine(folder, PowerBiFolder(programYear));
        var fresh = powerBi + ".partial";
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }

        var manifest = await StarSchemaWriter.WriteAsync(StarSchema.Build(districts), programYear, fresh, cancellationToken);
        if (Directory.Exists(powerBi))
        {
            Directory.Delete(powerBi, recursive: true);
        }

        Directory.Move(fresh, powerBi);
        timings.Add(Done("power bi star schema", (manifest.Tables.Count * 2) + 1));

        foreach (var year in districts)
        {
            await documents.WriteAsync(ReportDocument.ForDistrict(year), cancellationToken);
        }

        await documents.WriteAsync(ReportDocument.ForState(programYear, districts), cancellationToken);
        timings.Add(Done("report documents", districts.Count + 1));
        return timings;

        OutputTiming Done(string output, int files)
        {
            var timing = new OutputTiming(output, files, clock.Elapsed);
            progress($"{output}: {files} file(s) in {clock.Elapsed.TotalSeconds:0.00} s");
            clock.Restart();
            return timing;
        }
    }

    private static void WriteFile(string folder, string relative, Action<Stream> write)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path + ".partial"))
        {
            write(file);
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
