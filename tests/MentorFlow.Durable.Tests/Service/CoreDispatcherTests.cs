using DurableTask.Core;
using MentorFlow.Durable.Service;
using MentorFlow.Durable.Sqlite;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace MentorFlow.Durable.Tests.Service;

/// <summary>
/// DurableTask.Core's own dispatchers and client (<see cref="TaskHubWorker"/>, <see cref="TaskHubClient"/>) run the
/// SDK's orchestrators on the SQLite store through <see cref="StoreOrchestrationService"/>, as they run on Azure Storage.
/// They keep real time, so these tests wait for completion instead of moving a clock.
/// </summary>
public sealed class CoreDispatcherTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions { DataConverter = DurableJson.Converter });

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-core-");
    private StoreOrchestrationService _service = null!;
    private TaskHubWorker _worker = null!;
    private TaskHubClient _client = null!;

    public async Task InitializeAsync()
    {
        var store = SqlitePartitions.Open(Path.Combine(_folder.FullName, "engine.db"), 2);
        _service = new StoreOrchestrationService(store, TimeProvider.System, new StoreOrchestrationServiceOptions(PollInterval: TimeSpan.FromMilliseconds(10)));
        _worker = new TaskHubWorker(_service, NullLoggerFactory.Instance)
            .AddTaskOrchestrations(
                Orchestration("Greet", new GreetCities()),
                Orchestration("Round", new Round()),
                Orchestration("WaitForSignature", new WaitForSignature()))
            .AddTaskActivities(Activity("SayHello", (string city) => $"Hello {city}!"));
        await _worker.StartAsync();
        _client = new TaskHubClient(_service, loggerFactory: NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(isForced: true);
        _worker.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
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
