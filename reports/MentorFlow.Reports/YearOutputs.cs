using System.Diagnostics;
using MentorFlow.Reports.Documents;
using MentorFlow.Reports.Excel;
using MentorFlow.Reports.Input;
using MentorFlow.Reports.PowerBi;
using MentorFlow.Reports.Suppression;

namespace MentorFlow.Reports;

/// <summary>How long one kind of output took.</summary>
/// <param name="Output">What was written.</param>
/// <param name="Files">How many files.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record OutputTiming(string Output, int Files, TimeSpan Elapsed);

/// <summary>
/// Every output of a program year, written into one folder. The district's own, unsuppressed: <c>{year}/districts/{id}.xlsx</c>
/// and its row-level Power BI files <c>{year}/districts/{id}/powerbi/</c>. Published, suppressed together:
/// <c>{year}/state.xlsx</c>, <c>powerbi/{year}/</c> and the report documents. Each file is written aside and moved into
/// place (a Power BI folder is swapped whole), so a reader never sees half a refresh. District outputs are written on every core.
/// </summary>
public static class YearOutputs
{
    /// <summary>A district's workbook, relative to the folder.</summary>
    public static string DistrictWorkbookPath(string programYear, string districtId) => Path.Combine(programYear, "districts", $"{districtId}.xlsx");

    /// <summary>The statewide workbook, relative to the folder.</summary>
    public static string StateWorkbookPath(string programYear) => Path.Combine(programYear, "state.xlsx");

    /// <summary>The published Power BI folder, relative to the folder.</summary>
    public static string PowerBiFolder(string programYear) => Path.Combine("powerbi", programYear);

    /// <summary>A district's own (row-level, unpublished) Power BI folder, relative to the folder.</summary>
    public static string DistrictPowerBiFolder(string programYear, string districtId) => Path.Combine(programYear, "districts", districtId, "powerbi");

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

        var files = 0;
        // Small files: mostly waiting on the file system, so more at once than there are cores.
        await Parallel.ForEachAsync(districts, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount * 4 }, async (year, token) =>
        {
            var manifest = await SwapFolderAsync(Path.Combine(folder, DistrictPowerBiFolder(programYear, year.DistrictId)),
                fresh => StarSchemaWriter.WriteAsync(StarSchema.Build(year), programYear, fresh, token));
            Interlocked.Add(ref files, manifest.Tables.Count + manifest.Tables.Count(t => t.Csv is not null) + 1);
        });
        timings.Add(Done("district power bi files", files));

        var published = PublishedYear.Of(programYear, districts);
        WriteFile(folder, StateWorkbookPath(programYear), stream => StateWorkbook.Write(published, stream));
        timings.Add(Done("state workbook", 1));

        var publishedManifest = await SwapFolderAsync(Path.Combine(folder, PowerBiFolder(programYear)),
            fresh => StarSchemaWriter.WriteAsync(PublishedTables.Build(published), programYear, fresh, cancellationToken));
        timings.Add(Done("published power bi files", publishedManifest.Tables.Count + publishedManifest.Tables.Count(t => t.Csv is not null) + 1));

        var written = ReportDocument.ForYear(published);
        foreach (var document in written)
        {
            await documents.WriteAsync(document, cancellationToken);
        }

        timings.Add(Done("report documents", written.Count));
        return timings;

        OutputTiming Done(string output, int files)
        {
            var timing = new OutputTiming(output, files, clock.Elapsed);
            progress($"{output}: {files} file(s) in {clock.Elapsed.TotalSeconds:0.00} s");
            clock.Restart();
            return timing;
        }
    }

    // Written beside, then swapped in whole, so a reader never sees half a refresh.
    private static async Task<Manifest> SwapFolderAsync(string target, Func<string, Task<Manifest>> write)
    {
        var fresh = target + ".partial";
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }

        var manifest = await write(fresh);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(fresh, target);
        return manifest;
    }

    private static void WriteFile(string folder, string relative, Action<Stream> write)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Built in memory and written in one go: a workbook's zip written through a 4 KiB file buffer was some 60 writes each.
        using (var buffer = new MemoryStream())
        {
            write(buffer);
            FreshFile.WriteAllBytes(path + ".partial", buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        File.Move(path + ".partial", path, overwrite: true);
    }
}
