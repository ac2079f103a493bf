using System.Diagnostics;
using DurableTask.Core;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>What one hello-sequence run measured.</summary>
internal sealed record HelloSequenceResult(int Completed, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds)
{
    public double OrchestrationsPerSecond => Completed / Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => Completed * HelloSequence.ActivitiesPerOrchestration / Elapsed.TotalSeconds;
}

/// <summary>
/// The classic Durable Task sample, end to end on the real SQLite backend and the system clock: a client
/// starts every instance while the workers drain the database.
/// </summary>
internal static class HelloSequence
{
    public const int ActivitiesPerOrchestration = 3;

    public const string OrchestratorName = "HelloCities";

    public const string ActivityName = "SayHello";

    // Shared with the Azure Storage run (AzureStorageHelloSequence), so both backends run the very same code.
    public static async Task<string[]> HelloCities(TaskOrchestrationContext context, object? input) =>
    [
        await context.CallActivityAsync<string>(ActivityName, "Tokyo"),
        await context.CallActivityAsync<string>(ActivityName, "Seattle"),
        await context.CallActivityAsync<string>(ActivityName, "London"),
    ];

    public static Task<string> SayHello(TaskActivityContext context, string city) => Task.FromResult($"Hello {city}!");

    public static void Tasks(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>(ActivityName, SayHello)
        .AddOrchestratorFunc<object?, string[]>(OrchestratorName, HelloCities);

    public static async Task<HelloSequenceResult> RunAsync(string folder, int orchestrations, int workers, TextWriter progress)
    {
        var store = new SqliteOrchestrationStore(Path.Combine(folder, "hello-sequence.db"));
        var client = new OrchestrationStoreClient(store, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var started = 0;
        var starting = Task.Run(async () =>
        {
            for (var i = 0; i < orchestrations; i++)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(OrchestratorName, null, new StartOrchestrationOptions($"hello-{i:D6}"));
                Interlocked.Increment(ref started);
            }
        });
        var processed = 0L;
        var drains = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var worker = OrchestrationWorkerBuilder.Create(store, TimeProvider.System, Tasks, new OrchestrationWorkerOptions(WorkerId: $"bench-{w}"));
            while (true)
            {
                var done = await worker.ProcessDueAsync(1000);
                Interlocked.Add(ref processed, done);
                if (done == 0)
                {
                    if (starting.IsCompleted && await store.QueryInstancesAsync(Unfinished, default) is { Instances.Count: 0 })
                    {
                        return;
                    }

                    await Task.Delay(1);
                }
            }
        })).ToList();

        using (var report = new PeriodicProgress(progress, () =>
            $"hello-sequence: {Volatile.Read(ref started):N0} of {orchestrations:N0} started, {Interlocked.Read(ref processed):N0} work items done"))
        {
            await starting;
            await Task.WhenAll(drains);
        }

        clock.Stop();
        var latencies = new List<double>(orchestrations);
        await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], PageSize: 1000)))
        {
            latencies.Add((instance.LastUpdatedAt - instance.CreatedAt).TotalMilliseconds);
        }

        latencies.Sort();
        return new HelloSequenceResult(latencies.Count, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static readonly InstanceQuery Unfinished = new(
        Statuses: [OrchestrationStatus.Pending, OrchestrationStatus.Running], PageSize: 1);

    internal static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
