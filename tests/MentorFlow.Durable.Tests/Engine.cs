using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Durable.Tests;

/// <summary>A SQLite engine in a temporary folder, on a fake clock that tests advance instead of sleeping.</summary>
internal sealed class Engine : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-durable-");

    public Engine(DurableTaskRegistry registry, DurableTaskWorkerOptions? workerOptions = null)
    {
        Registry = registry;
        DatabasePath = Path.Combine(_folder.FullName, "engine.db");
        Store = new SqliteOrchestrationStore(DatabasePath);
        Client = new DurableTaskClient(Store, registry, Clock);
        Worker = NewWorker(registry, workerOptions);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public DurableTaskRegistry Registry { get; }

    public string DatabasePath { get; }

    public SqliteOrchestrationStore Store { get; }

    public DurableTaskClient Client { get; }

    public DurableTaskWorker Worker { get; }

    /// <summary>Another worker on the same database and clock, e.g. one with other orchestrator versions.</summary>
    public DurableTaskWorker NewWorker(DurableTaskRegistry registry, DurableTaskWorkerOptions? options = null) =>
        new(Store, registry, Clock, NullLoggerFactory.Instance, options);

    /// <summary>Runs everything due now.</summary>
    public Task<int> RunAsync() => Worker.ProcessAllDueAsync();

    /// <summary>Moves the clock on, then runs everything that became due.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunAsync();
    }

    public async Task<OrchestrationMetadata> InstanceAsync(string instanceId) =>
        await Client.GetInstanceAsync(instanceId) ?? throw new InvalidOperationException($"no instance {instanceId}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
