using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Durable.Tests;

/// <summary>A SQLite engine in a temporary folder, on a fake clock that tests advance instead of sleeping.</summary>
internal sealed class Engine : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-durable-");

    public Engine(DurableTaskRegistry registry, OrchestrationWorkerOptions? workerOptions = null)
    {
        Registry = registry;
        DatabasePath = Path.Combine(_folder.FullName, "engine.db");
        Store = new SqliteOrchestrationStore(DatabasePath);
        Client = new OrchestrationStoreClient(Store, Clock);
        Worker = NewWorker(registry, workerOptions);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public DurableTaskRegistry Registry { get; }

    public string DatabasePath { get; }

    public SqliteOrchestrationStore Store { get; }

    public DurableTaskClient Client { get; }

    public OrchestrationWorker Worker { get; }

    /// <summary>Another worker on the same database and clock, e.g. one with other orchestrators.</summary>
    public OrchestrationWorker NewWorker(DurableTaskRegistry registry, OrchestrationWorkerOptions? options = null) => NewWorker(Store, Clock, registry, options);

    /// <summary>A worker built as the SDK's worker builder builds it, for a registry a test made.</summary>
    public static OrchestrationWorker NewWorker(IOrchestrationStore store, TimeProvider clock, DurableTaskRegistry registry, OrchestrationWorkerOptions? options = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(store)
            .AddSingleton(clock)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            // The builder reads its tasks from the registry options: this one hands it the test's registry.
            .AddSingleton<IOptionsFactory<DurableTaskRegistry>>(new FixedRegistry(registry))
            .AddDurableTaskWorker(builder => builder.UseOrchestrationStore(options));
        return services.BuildServiceProvider().GetServices<IHostedService>().OfType<OrchestrationWorker>().Single();
    }

    /// <summary>Runs everything due now.</summary>
    public Task<int> RunAsync() => Worker.ProcessAllDueAsync();

    /// <summary>Moves the clock on, then runs everything that became due.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunAsync();
    }

    /// <summary>A store-level start of <paramref name="name"/> as the client writes it.</summary>
    public static NewInstance NewInstance(string instanceId, string name, object? input, DateTime startAt) => new(
        new DurableTask.Core.History.ExecutionStartedEvent(-1, DurableJson.Serialize(input))
        {
            Name = name,
            Version = string.Empty,
            OrchestrationInstance = new DurableTask.Core.OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            Timestamp = startAt,
        },
        startAt);

    /// <summary>A store-level external event as the client writes it.</summary>
    public static OutgoingMessage Raised(string instanceId, string name, object? payload, DateTime at) =>
        new(instanceId, new EventRaisedEvent(-1, DurableJson.Serialize(payload)) { Name = name, Timestamp = at }, at);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public async Task<OrchestrationMetadata> InstanceAsync(string instanceId) =>
        await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true) ?? throw new InvalidOperationException($"no instance {instanceId}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    private sealed class FixedRegistry(DurableTaskRegistry registry) : IOptionsFactory<DurableTaskRegistry>
    {
        public DurableTaskRegistry Create(string name) => registry;
    }
}
