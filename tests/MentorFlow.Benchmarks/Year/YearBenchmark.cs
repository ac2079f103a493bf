using System.Diagnostics;
using MentorFlow.Simulation;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Benchmarks.Year;

/// <summary>
/// A whole simulated program year for many pairings on the SQLite backend: wall time and peak memory,
/// last line <c>year: N pairings in S s</c>.
/// </summary>
public static class YearBenchmark
{
    /// <summary>Runs the year and prints its figures to <paramref name="figures"/>.</summary>
    public static async Task RunAsync(int pairings, int seed, int workers, string? folder, TextWriter figures, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(progress);
        var ownFolder = folder is null;
        var path = folder ?? Directory.CreateTempSubdirectory("mentorflow-year-").FullName;
        Directory.CreateDirectory(path);
        try
        {
            var summary = await YearSimulation.RunAsync(new YearSimulationOptions(pairings, seed, Path.Combine(path, "year.db"), workers), progress);
            using var process = Process.GetCurrentProcess();
            await FigureLine.WriteAsync(figures, $"year outcomes: {summary.Completed:N0} completed, {summary.Incomplete:N0} incomplete, {summary.Separated:N0} separated, {summary.Unfinished:N0} unfinished");
            foreach (var example in summary.UnfinishedExamples)
            {
                await progress.WriteLineAsync($"unfinished: {example}");
            }

            await FigureLine.WriteAsync(figures, $"year coordinator decisions: {summary.DecidedByCoordinator:N0}; meeting the hours requirement: {summary.MeetingRequirement:N0}");
            await FigureLine.WriteAsync(figures, $"year hours: {summary.TotalHours:N0} confirmed outside the contract day, median {summary.MedianHours:N1} per pairing");
            await FigureLine.WriteAsync(figures, $"year meeting frequency: {string.Join(", ", summary.Frequency.Select(f => $"{f.Key} {f.Value:N0}"))}");
            await FigureLine.WriteAsync(figures, $"year traffic: {summary.EventsRaised:N0} events, {summary.MessagesSent:N0} emails, {summary.WorkItems:N0} engine steps");
            await FigureLine.WriteAsync(figures, $"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MiB");
            await FigureLine.WriteAsync(figures, $"year: {pairings} pairings in {summary.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (ownFolder)
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
