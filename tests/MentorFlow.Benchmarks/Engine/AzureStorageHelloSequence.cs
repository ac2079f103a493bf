using System.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using MentorFlow.Durable;
using MentorFlow.Durable.Client;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>
/// The same hello sequence on Durable Functions' own backend, DurableTask.AzureStorage, run the way Durable Functions runs
/// it (DurableTask.Core's dispatchers and the SDK's shims) with the SDK client the app uses: the figure SQLite is compared with.
/// </summary>
internal static class AzureStorageHelloSequence
{
    private const string InstancePrefix = "hello-";
    // Azure Storage has no failure to report when nothing moves, so a run that stops finishing instances ends here.
    private static readonly TimeSpan StallPatience = TimeSpan.FromSeconds(120);
    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions { DataConverter = DurableJson.Converter });

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
        TaskHubWorker? worker = null;
        try
        {
            worker = CreateWorker(service);
            await worker.StartAsync();
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
            if (worker is not null)
            {
                await worker.StopAsync(isForced: true);
                worker.Dispose();
            }

            await service.DeleteAsync();
            await progress.WriteLineAsync($"azure-storage: deleted task hub {taskHub}");
        }
    }

    // The one place the worker is made: MentorFlow.Durable.Service's ServiceWorker is to take raw TaskHubWorker's place here.
    private static TaskHubWorker CreateWorker(IOrchestrationService service) => new TaskHubWorker(service, NullLoggerFactory.Instance)
        .AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(HelloSequence.OrchestratorName, () =>
            Shims.CreateOrchestration<object?, string[]>(new TaskName(HelloSequence.OrchestratorName), async (context, input) => await HelloSequence.HelloCities(context, input))))
        .AddTaskActivities(new ShimCreator<DurableTask.Core.TaskActivity>(HelloSequence.ActivityName, () =>
            Shims.CreateActivity<string, string>(new TaskName(HelloSequence.ActivityName), async (context, city) => await HelloSequence.SayHello(context, city!))));

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
