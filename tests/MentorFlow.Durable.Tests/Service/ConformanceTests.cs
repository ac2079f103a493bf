using DurableTask.AzureStorage;
using DurableTask.Core;
using MentorFlow.Durable.Service;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Testing;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Durable.Tests.Service;

/// <summary>The conformance suite on the SQLite store, through <see cref="StoreOrchestrationService"/>.</summary>
public sealed class SqliteConformanceTests : ConformanceTests
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-core-");

    /// <inheritdoc/>
    protected override Task<IOrchestrationService> OpenAsync()
    {
        var store = SqlitePartitions.Open(Path.Combine(_folder.FullName, "engine.db"), 2);
        return Task.FromResult<IOrchestrationService>(new StoreOrchestrationService(store, TimeProvider.System, new StoreOrchestrationServiceOptions(PollInterval: TimeSpan.FromMilliseconds(10))));
    }

    /// <inheritdoc/>
    protected override Task CloseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The conformance suite on Azure Storage (DurableTask.AzureStorage) over Azurite, a task hub of its own per test.</summary>
#pragma warning disable CA1001 // The service is disposed in CloseAsync, which xUnit calls after each test.
public sealed class AzureStorageConformanceTests : ConformanceTests
#pragma warning restore CA1001
{
    private AzureStorageOrchestrationService? _service;

    /// <inheritdoc/>
    protected override async Task<IOrchestrationService> OpenAsync()
    {
        _service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(RealComponents.Azurite.Setting),
            TaskHubName = $"conformance{Guid.NewGuid():N}"[..30],
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(200),
        });
        await _service.CreateIfNotExistsAsync();
        return _service;
    }

    /// <inheritdoc/>
    protected override async Task CloseAsync()
    {
        if (_service is not null)
        {
            await _service.DeleteAsync();
            _service.Dispose();
        }
    }
}

/// <summary>
/// What every backend must do, run the same way on each: DurableTask.Core's own dispatchers and client
/// (<see cref="TaskHubWorker"/>, <see cref="TaskHubClient"/>) running the SDK's orchestrators through its shims, as
/// Durable Functions runs them. They keep real time, so these tests wait for completion instead of moving a clock.
/// </summary>
public abstract class ConformanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions { DataConverter = DurableJson.Converter });

    private TaskHubWorker _worker = null!;
    private TaskHubClient _client = null!;

    /// <summary>The backend under test, ready for use.</summary>
    protected abstract Task<IOrchestrationService> OpenAsync();

    /// <summary>Removes what <see cref="OpenAsync"/> made.</summary>
    protected abstract Task CloseAsync();

    public async Task InitializeAsync()
    {
        var service = await OpenAsync();
        _worker = new TaskHubWorker(service, NullLoggerFactory.Instance)
            .AddTaskOrchestrations(
                Orchestration("Greet", new GreetCities()),
                Orchestration("Round", new Round()),
                Orchestration("WaitForSignature", new WaitForSignature()))
            .AddTaskActivities(Activity("SayHello", (string city) => $"Hello {city}!"));
        await _worker.StartAsync();
        _client = new TaskHubClient((IOrchestrationServiceClient)service, loggerFactory: NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
        await CloseAsync();
    }

    [Fact]
    public async Task Activities_in_sequence_and_a_sub_orchestration_complete_through_DurableTask_Core_dispatchers()
    {
        var instance = await _client.CreateOrchestrationInstanceAsync("Greet", string.Empty, "greet-1", "Tokyo");

        var state = await _client.WaitForOrchestrationAsync(instance, Patience);

        Assert.Equal(OrchestrationStatus.Completed, state.OrchestrationStatus);
        Assert.Equal("[\"Hello Tokyo!\",\"Hello Seattle!\",\"round 3\"]", state.Output);
        var child = await _client.GetOrchestrationStateAsync("greet-1:round");
        Assert.Equal(OrchestrationStatus.Completed, child!.OrchestrationStatus);
    }

    [Fact]
    public async Task An_event_and_a_durable_timer_reach_the_orchestrator_and_a_terminated_one_stops()
    {
        var signed = await _client.CreateOrchestrationInstanceAsync("WaitForSignature", string.Empty, "plan-1", "plan-1");
        var abandoned = await _client.CreateOrchestrationInstanceAsync("WaitForSignature", string.Empty, "plan-2", "plan-2");
        await _client.RaiseEventAsync(signed, "Signed", "both");
        await _client.TerminateInstanceAsync(abandoned, "pairing ended");

        var signedState = await _client.WaitForOrchestrationAsync(signed, Patience);
        var abandonedState = await _client.WaitForOrchestrationAsync(abandoned, Patience);

        Assert.Equal("\"plan-1: both after the pause\"", signedState.Output);
        Assert.Equal(OrchestrationStatus.Terminated, abandonedState.OrchestrationStatus);
    }

    private static NameValueCreator<TaskOrchestration> Orchestration(string name, ITaskOrchestrator orchestrator) =>
        new(name, () => Shims.CreateOrchestration(new TaskName(name), orchestrator));

    private static NameValueCreator<DurableTask.Core.TaskActivity> Activity<TIn, TOut>(string name, Func<TIn, TOut> run) =>
        new(name, () => Shims.CreateActivity<TIn, TOut>(new TaskName(name), (_, input) => Task.FromResult<TOut?>(run(input!))));

    // A fresh shim per execution, as DurableTask.Core asks its creators for one each time.
    private sealed class NameValueCreator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public NameValueCreator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }

    private sealed class GreetCities : TaskOrchestrator<string, string[]>
    {
        public override async Task<string[]> RunAsync(TaskOrchestrationContext context, string input) =>
        [
            await context.CallActivityAsync<string>("SayHello", input),
            await context.CallActivityAsync<string>("SayHello", "Seattle"),
            await context.CallSubOrchestratorAsync<string>("Round", 1, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:round" }),
        ];
    }

    // Continues as new until its third round.
    private sealed class Round : TaskOrchestrator<int, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, int input)
        {
            if (input < 3)
            {
                context.ContinueAsNew(input + 1);
                return Task.FromResult(string.Empty);
            }

            return Task.FromResult($"round {input}");
        }
    }

    private sealed class WaitForSignature : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            var who = await context.WaitForExternalEvent<string>("Signed");
            await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(200), CancellationToken.None);
            return $"{input}: {who} after the pause";
        }
    }
}
