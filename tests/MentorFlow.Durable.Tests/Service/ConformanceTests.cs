using DurableTask.AzureStorage;
using DurableTask.Core;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Service;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A forced stop can leave a dispatcher closing its last connection; the temporary folder is left to the OS.
        }

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
/// What every backend must do, run the same way on each: our <see cref="ServiceWorker"/> (DurableTask.Core's own
/// dispatchers running the SDK's orchestrators through its shims, as Durable Functions runs them) and the SDK's client
/// over the backend (<see cref="OrchestrationServiceClient"/>). They keep real time, so these tests wait for completion.
/// </summary>
#pragma warning disable CA1001 // The worker and the client are disposed in DisposeAsync, which xUnit calls after each test.
public abstract class ConformanceTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ServiceProvider _host = null!;
    private ServiceWorker _worker = null!;
    private DurableTaskClient _client = null!;

    /// <summary>The backend under test, ready for use.</summary>
    protected abstract Task<IOrchestrationService> OpenAsync();

    /// <summary>Removes what <see cref="OpenAsync"/> made.</summary>
    protected abstract Task CloseAsync();

    public async Task InitializeAsync()
    {
        var service = await OpenAsync();
        // Timers longer than a tenth of a second go in hops, so every timer test also runs the SDK's splitting of long timers.
        _host = new ServiceCollection()
            .AddSingleton(service)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddDurableTaskWorker(builder => builder
                .AddTasks(tasks => tasks
                    .AddOrchestrator("Greet", new GreetCities())
                    .AddOrchestrator("Round", new Round())
                    .AddOrchestrator("WaitForSignature", new WaitForSignature())
                    .AddOrchestrator("FanOut", new FanOut())
                    .AddOrchestrator("TwoEvents", new TwoEvents())
                    .AddOrchestrator("KeepsEvents", new KeepsEvents())
                    .AddOrchestrator("RetriesThenFails", new RetriesThenFails())
                    .AddOrchestrator("LeavesTimer", new LeavesTimer())
                    .AddOrchestratorFunc<object?, string>("Child", (context, _) => Task.FromResult($"{context.Parent?.Name} {context.Parent?.InstanceId}"))
                    .AddOrchestratorFunc<object?, string>("District", (context, _) =>
                        context.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:child" }))
                    .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}!")
                    .AddActivityFunc<int, int>("Square", (_, n) => n * n)
                    .AddActivityFunc<string, string>("Broken", string (_, _) => throw new InvalidOperationException("the school is not in this district")))
                .UseOrchestrationService(maximumTimerInterval: TimeSpan.FromMilliseconds(100)))
            .BuildServiceProvider();
        _worker = _host.GetServices<IHostedService>().OfType<ServiceWorker>().Single();
        await _worker.StartAsync(CancellationToken.None);
        _client = new OrchestrationServiceClient((IOrchestrationServiceClient)service, new OrchestrationStoreClientOptions(PollInterval: TimeSpan.FromMilliseconds(20)));
    }

    public async Task DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
        await _client.DisposeAsync();
        await CloseAsync();
    }

    [Fact]
    public async Task Activities_in_sequence_and_a_sub_orchestration_complete()
    {
        var state = await RunAsync("Greet", "greet-1", "Tokyo");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(["Hello Tokyo!", "Hello Seattle!", "round 3"], state.ReadOutputAs<string[]>()!);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await _client.GetInstanceAsync("greet-1:round"))!.RuntimeStatus);
    }

    [Fact]
    public async Task An_event_and_a_durable_timer_reach_the_orchestrator_and_a_terminated_one_stops()
    {
        await _client.ScheduleNewOrchestrationInstanceAsync("WaitForSignature", "plan-1", new StartOrchestrationOptions("plan-1"));
        await _client.ScheduleNewOrchestrationInstanceAsync("WaitForSignature", "plan-2", new StartOrchestrationOptions("plan-2"));
        await _client.RaiseEventAsync("plan-1", "Signed", "both");
        await _client.TerminateInstanceAsync("plan-2", "pairing ended");

        var signed = await CompletionAsync("plan-1");
        var ended = await CompletionAsync("plan-2");

        Assert.Equal("plan-1: both after the pause", signed.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, ended.RuntimeStatus);
    }

    [Fact]
    public async Task A_sub_orchestration_knows_its_parent()
    {
        var district = await RunAsync("District", "district-1", "none");

        Assert.Equal("District district-1", district.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Fan_out_and_fan_in_collects_every_result()
    {
        var state = await RunAsync("FanOut", "fan-1", 10);

        Assert.Equal(385, state.ReadOutputAs<int>()); // 1² + ... + 10²
    }

    [Fact]
    public async Task An_event_raised_before_the_orchestrator_waits_is_kept_and_one_raised_twice_is_read_twice()
    {
        await _client.ScheduleNewOrchestrationInstanceAsync("TwoEvents", 0, new StartOrchestrationOptions("events-1"));
        await _client.RaiseEventAsync("events-1", "Vote", "yes");
        await _client.RaiseEventAsync("events-1", "Vote", "no");

        var state = await CompletionAsync("events-1");

        Assert.Equal("yes, no", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_to_a_finished_instance_changes_nothing()
    {
        await RunAsync("FanOut", "fan-2", 2);
        await _client.RaiseEventAsync("fan-2", "Vote", "late");

        var again = await CompletionAsync("fan-2");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
        Assert.Equal(5, again.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Continue_as_new_keeps_the_events_it_had_not_handled()
    {
        await _client.ScheduleNewOrchestrationInstanceAsync("KeepsEvents", 0, new StartOrchestrationOptions("keeps-1"));
        await WaitForAsync("keeps-1", s => s.RuntimeStatus == OrchestrationRuntimeStatus.Running);
        await _client.RaiseEventAsync("keeps-1", "Step", 1);
        await _client.RaiseEventAsync("keeps-1", "Step", 2);
        await _client.RaiseEventAsync("keeps-1", "Step", 3);

        var state = await CompletionAsync("keeps-1");

        Assert.Equal(6, state.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_failing_activity_is_retried_then_fails_the_orchestrator_with_its_details()
    {
        var state = await RunAsync("RetriesThenFails", "retries-1", "school-9");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException: the school is not in this district", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Suspended_instances_wait_and_resume_and_custom_status_reaches_the_client()
    {
        await _client.ScheduleNewOrchestrationInstanceAsync("WaitForSignature", "plan-3", new StartOrchestrationOptions("plan-3"));
        var waiting = await WaitForAsync("plan-3", s => s.RuntimeStatus == OrchestrationRuntimeStatus.Running && s.SerializedCustomStatus is not null);
        Assert.Equal("waiting for signatures", waiting.ReadCustomStatusAs<string>());
        await _client.SuspendInstanceAsync("plan-3", "holiday");
        await WaitForAsync("plan-3", s => s.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);
        await _client.RaiseEventAsync("plan-3", "Signed", "mentor");
        await _client.ResumeInstanceAsync("plan-3", "back");

        var state = await CompletionAsync("plan-3");

        Assert.Equal("plan-3: mentor after the pause", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_orchestrator_that_returns_with_a_timer_pending_finishes_once_the_timer_fires()
    {
        var state = await RunAsync("LeavesTimer", "timer-1", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("returned", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Instances_are_queried_by_status_and_creation_time_and_a_finished_one_purged()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await RunAsync("FanOut", "query-1", 1);
        await _client.ScheduleNewOrchestrationInstanceAsync("WaitForSignature", "query-2", new StartOrchestrationOptions("query-2"));
        await WaitForAsync("query-2", s => s.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var completed = await _client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: before, Statuses: [OrchestrationRuntimeStatus.Completed])).ToListAsync();
        var running = await _client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: before, Statuses: [OrchestrationRuntimeStatus.Running])).ToListAsync();
        var later = await _client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: DateTimeOffset.UtcNow.AddHours(1))).ToListAsync();

        Assert.Equal(["query-1"], completed.Select(i => i.InstanceId));
        Assert.Equal(["query-2"], running.Select(i => i.InstanceId));
        Assert.Empty(later);
        Assert.Equal(0, (await _client.PurgeInstanceAsync("query-2")).PurgedInstanceCount); // running: kept
        Assert.Equal(1, (await _client.PurgeInstanceAsync("query-1")).PurgedInstanceCount);
        Assert.Null(await _client.GetInstanceAsync("query-1"));
    }

    private async Task<OrchestrationMetadata> RunAsync(string name, string instanceId, object input)
    {
        await _client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId));
        return await CompletionAsync(instanceId);
    }

    private async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    // Reads the instance until it shows what the test waits for (the backends' dispatchers keep real time).
    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> reached)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await _client.GetInstanceAsync(instanceId, timeout.Token) is { } state && reached(state))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
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
            context.SetCustomStatus("waiting for signatures");
            var who = await context.WaitForExternalEvent<string>("Signed");
            await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(200), CancellationToken.None);
            return $"{input}: {who} after the pause";
        }
    }

    private sealed class FanOut : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input) =>
            (await Task.WhenAll(Enumerable.Range(1, input).Select(n => context.CallActivityAsync<int>("Square", n)))).Sum();
    }

    private sealed class TwoEvents : TaskOrchestrator<int, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, int input) =>
            $"{await context.WaitForExternalEvent<string>("Vote")}, {await context.WaitForExternalEvent<string>("Vote")}";
    }

    // Handles one event per execution and carries the running sum; the others wait in the next execution.
    private sealed class KeepsEvents : TaskOrchestrator<int, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
        {
            var total = input + await context.WaitForExternalEvent<int>("Step");
            if (total < 6)
            {
                context.ContinueAsNew(total, preserveUnprocessedEvents: true);
            }

            return total;
        }
    }

    private sealed class RetriesThenFails : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            try
            {
                await context.CallActivityAsync<string>("Broken", input, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(50))));
                return "no failure";
            }
            catch (TaskFailedException ex)
            {
                return $"{ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
            }
        }
    }

    // Returns while its timer still runs: DurableTask.Core ends the execution when the timer fires.
    private sealed class LeavesTimer : TaskOrchestrator<int, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, int input)
        {
            _ = context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(300), CancellationToken.None);
            return Task.FromResult("returned");
        }
    }
}
