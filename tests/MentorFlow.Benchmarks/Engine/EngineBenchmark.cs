using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// The engine's figures in one process and one run: the disk's commit ceiling, hello-sequence throughput
/// and latency, long-timer completion after a clock jump, peak working set, the same hello sequence on Azure Storage
/// (Durable Functions' backend, over Azurite) beside SQLite's, and the ratio the engine is judged by.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Runs every part and prints one line per figure to <paramref name="figures"/>.</summary>
    public static async Task RunAsync(EngineBenchmarkOptions options, TextWriter figures, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(progress);
        var ownFolder = options.Folder is null;
        var folder = options.Folder ?? Directory.CreateTempSubdirectory("mentorflow-bench-").FullName;
        Directory.CreateDirectory(folder);
        var workers = options.Workers ?? Environment.ProcessorCount;
        try
        {
            await progress.WriteLineAsync($"engine benchmark in {folder} with {workers} worker loop(s) on {Environment.ProcessorCount} core(s)");
            await progress.WriteLineAsync($"sqlite-limit: committing single-row transactions for {options.CommitSeconds:0.#} s");
            var limit = SqliteCommitLimit.Measure(folder, TimeSpan.FromSeconds(options.CommitSeconds));
            await FigureLine.WriteAsync(figures, $"sqlite-limit: {limit:N0} single-row transactions/s (WAL, synchronous=FULL)");

            var hello = await HelloSequence.RunAsync(folder, options.Orchestrations, workers, progress);
            await FigureLine.WriteAsync(figures, $"hello-sequence: {hello.Completed:N0} of {options.Orchestrations:N0} orchestrations completed in {hello.Elapsed.TotalSeconds:N1} s");
            await FigureLine.WriteAsync(figures, $"hello-sequence orchestrations/s: {hello.OrchestrationsPerSecond:N0}");
            await FigureLine.WriteAsync(figures, $"hello-sequence activities/s: {hello.ActivitiesPerSecond:N0}");
            await FigureLine.WriteAsync(figures, $"hello-sequence latency p50: {hello.P50Milliseconds:N0} ms, p99: {hello.P99Milliseconds:N0} ms (start to completion; all started at once, so it includes queueing)");

            var timers = await LongTimers.RunAsync(folder, options.TimerInstances, workers, progress);
            await FigureLine.WriteAsync(figures, $"long-timers: {timers.Completed:N0} of {options.TimerInstances:N0} one-year timers completed {timers.FromAdvanceToAllCompleted.TotalSeconds:N2} s after the clock advanced");

            // Read before the Azure Storage run, so the figure stays the SQLite engine's own.
            using var process = Process.GetCurrentProcess();
            await FigureLine.WriteAsync(figures, $"peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MiB");

            var azure = await RunOnAzureStorageAsync(options.AzureOrchestrations, progress);
            await FigureLine.WriteAsync(figures,
                $"backends: sqlite {hello.OrchestrationsPerSecond:N0} orch/s, azure-storage {azure.OrchestrationsPerSecond:N1} orch/s, sqlite/azure-storage = {hello.OrchestrationsPerSecond / azure.OrchestrationsPerSecond:0.0}");
            await FigureLine.WriteAsync(figures, $"ratio: hello-sequence orch/s ÷ sqlite-limit = {hello.OrchestrationsPerSecond / limit:0.000}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (ownFolder)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Azurite lives only as long as the run that needs it, and goes even when the run fails.
    private static async Task<HelloSequenceResult> RunOnAzureStorageAsync(int orchestrations, TextWriter progress)
    {
        await using var azurite = await Azurite.StartAsync(progress);
        var result = await AzureStorageHelloSequence.RunAsync(azurite.ConnectionString, orchestrations, progress);
        await progress.WriteLineAsync(
            $"azure-storage hello-sequence: {result.Completed:N0} of {orchestrations:N0} completed in {result.Elapsed.TotalSeconds:N1} s, " +
            $"latency p50 {result.P50Milliseconds:N0} ms, p99 {result.P99Milliseconds:N0} ms");
        return result;
    }
}
