using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Service;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// The same hello sequence on Durable Functions' own backend, DurableTask.AzureStorage, run the way the app runs it there
/// (our ServiceWorker: DurableTask.Core's dispatchers and the SDK's shims) with the SDK client the app uses: the figure SQLite is compared with.
/// </summary>
internal static class AzureStorageHelloSequence
{
    private const string InstancePrefix = "hello-";
    // Azure Storage has no failure to report when nothing moves, so a run that stops finishing instances ends here.
    private static readonly TimeSpan StallPatience = TimeSpan.FromSeconds(120);

    public static async Task<HelloSequenceResult> RunAsync(string connectionString, int orchestrations, TextWriter progress)
    {
        // A task hub of its own per run, deleted after, so runs on a shared account never see each other's instances.
        var taskHub = $"bench{Guid.NewGuid():N}"[..24];
        using var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = 4,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
        });
        await progress.WriteLineAsync($"azure-storage: creating task hub {taskHub} with 4 partitions");
        await service.CreateIfNotExistsAsync();
        ServiceProvider? host = null;
        try
        {
            host = await StartWorkerAsync(service);
            await using var client = new OrchestrationServiceClient(service, new OrchestrationStoreClientOptions(PollInterval: TimeSpan.FromMilliseconds(50)));

            // The worker takes its partition leases first; SQLite has no such start-up, so it stays out of the figure.
            var warmUp = Stopwatch.StartNew();
            await client.ScheduleNewOrchestrationInstanceAsync(HelloSequence.OrchestratorName, null, new StartOrchestrationOptions("warm-up"));
            using (var patience = new CancellationTokenSource(StallPatience))
            {
                await client.WaitForInstanceCompletionAsync("warm-up", patience.Token);
            }

            await progress.WriteLineAsync($"azure-storage: warm-up instance completed in {warmUp.Elapsed.TotalSeconds:N1} s; starting {orchestrations:N0} hello-sequence instances");
            return await MeasureAsync(client, orchestrations, progress);
        }
        finally
        {
            if (host is not null)
            {
                await host.GetRequiredService<ServiceWorker>().StopAsync(CancellationToken.None);
                await host.DisposeAsync();
            }

            await service.DeleteAsync();
            await progress.WriteLineAsync($"azure-storage: deleted task hub {taskHub}");
        }
    }

    // The worker the app runs on Azure Storage: DurableTask.Core's dispatchers with the SDK's shims.
    private static async Task<ServiceProvider> StartWorkerAsync(IOrchestrationService service)
    {
        var host = new ServiceCollection()
            .AddSingleton(service)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDurableTaskWorker(builder => builder.AddTasks(HelloSequence.Tasks).UseOrchestrationService())
            .AddSingleton(sp => sp.GetServices<IHostedService>().OfType<ServiceWorker>().Single())
            .BuildServiceProvider();
        await host.GetRequiredService<ServiceWorker>().StartAsync(CancellationToken.None);
        return host;
    }

    // Starts every instance, as the SQLite run does, and reads the instances table until all have finished.
    private static async Task<HelloSequenceResult> MeasureAsync(DurableTaskClient client, int orchestrations, TextWriter progress)
    {
        var firstStart = DateTimeOffset.UtcNow;
        var started = 0;
        var finishedCount = 0;
        var starting = Task.Run(async () =>
        {
            for (var i = 0; i < orchestrations; i++)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(HelloSequence.OrchestratorName, null, new StartOrchestrationOptions($"{InstancePrefix}{i:D6}"));
                Interlocked.Increment(ref started);
            }
        });
        List<OrchestrationMetadata> finished;
        using (var report = new PeriodicProgress(progress, () =>
            // Finished instances are counted only once all are started, so the reading does not slow the starting.
            starting.IsCompleted
                ? $"azure-storage hello-sequence: all {orchestrations:N0} started, {Volatile.Read(ref finishedCount):N0} finished"
                : $"azure-storage hello-sequence: {Volatile.Read(ref started):N0} of {orchestrations:N0} started"))
        {
            await starting;
            var lastChange = Stopwatch.StartNew();
            while (true)
            {
                finished = await FinishedAsync(client);
                if (finished.Count != Interlocked.Exchange(ref finishedCount, finished.Count))
                {
                    lastChange.Restart();
                }

                if (finished.Count >= orchestrations)
                {
                    break;
                }

                if (lastChange.Elapsed > StallPatience)
                {
                    throw new TimeoutException($"azure-storage hello-sequence: {finished.Count:N0} of {orchestrations:N0} finished and none more in {StallPatience.TotalSeconds:0} s.");
                }

                await Task.Delay(100);
            }
        }

        // From the first start to the last completion as the backend stamped it, so the polling above adds nothing.
        var completed = finished.Where(i => i.RuntimeStatus == OrchestrationRuntimeStatus.Completed).ToList();
        var elapsed = (completed.Count == 0 ? DateTimeOffset.UtcNow : completed.Max(i => i.LastUpdatedAt)) - firstStart;
        var latencies = completed.Select(i => (i.LastUpdatedAt - i.CreatedAt).TotalMilliseconds).Order().ToList();
        return new HelloSequenceResult(completed.Count, elapsed, HelloSequence.Percentile(latencies, 0.50), HelloSequence.Percentile(latencies, 0.99));
    }

    private static async Task<List<OrchestrationMetadata>> FinishedAsync(DurableTaskClient client)
    {
        var query = new OrchestrationQuery(
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            InstanceIdPrefix: InstancePrefix,
            PageSize: 1000);
        var finished = new List<OrchestrationMetadata>();
        await foreach (var instance in client.GetAllInstancesAsync(query))
        {
            finished.Add(instance);
        }

        return finished;
    }
}
