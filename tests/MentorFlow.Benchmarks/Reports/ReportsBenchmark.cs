using System.Diagnostics;
using MentorFlow.Reports;
using MentorFlow.Reports.Documents;

namespace MentorFlow.Benchmarks.Reports;

/// <summary>
/// A statewide year's every report output (district workbooks, state workbook, Power BI star schema, documents): the
/// time and memory of each, last line <c>reports: total S s, peak M MB</c>. Goal on 2 cores: under 10 s and 1 GB.
/// </summary>
public static class ReportsBenchmark
{
    /// <summary>Runs it; figures to <paramref name="figures"/>, progress to <paramref name="progress"/>.</summary>
    public static async Task RunAsync(int districts, int pairings, string? folder, TextWriter figures, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(progress);
        var ownFolder = folder is null;
        var path = folder ?? Directory.CreateTempSubdirectory("mentorflow-reports-").FullName;
        try
        {
            var generated = Stopwatch.StartNew();
            var year = StatewideYear.Generate(districts, pairings, seed: 1);
            await progress.WriteLineAsync($"reports: generated {year.Count:N0} districts, {year.Sum(d => d.Pairings.Count):N0} pairings, " +
                $"{year.Sum(d => d.Interactions.Count):N0} interactions, {year.Sum(d => d.Observations.Count):N0} observation cycles in {generated.Elapsed.TotalSeconds:0.0} s");
            using var process = Process.GetCurrentProcess();
            var total = Stopwatch.StartNew();
            var done = 0;
            var timings = await YearOutputs.WriteAsync("2026-2027", year, path, new JsonFileReportDocumentWriter(path), line =>
            {
                // One progress line per 50 districts, and each output's.
                if (!line.StartsWith("district workbook ", StringComparison.Ordinal) || Interlocked.Increment(ref done) % 50 == 0)
                {
                    progress.WriteLine($"reports: {line}");
                }
            }, default);
            total.Stop();
            foreach (var timing in timings)
            {
                await FigureLine.WriteAsync(figures, $"reports {timing.Output}: {timing.Files:N0} files in {timing.Elapsed.TotalSeconds:0.00} s");
            }

            process.Refresh();
            var bytes = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            await FigureLine.WriteAsync(figures, $"reports output: {bytes / (1024.0 * 1024.0):N1} MB");
            await FigureLine.WriteAsync(figures, $"reports: total {total.Elapsed.TotalSeconds:0.0} s, peak {process.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB");
        }
        finally
        {
            if (ownFolder)
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
