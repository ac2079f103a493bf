using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;
using Microsoft.Data.Sqlite;

namespace MentorFlow.Durable.Tests;

public sealed class WorkerLoopFaultTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mentorflow-full-disk-");

    [Fact]
    public async Task A_full_disk_does_not_stop_the_hosted_worker_and_its_work_finishes_when_space_returns()
    {
        var store = new FullDiskStore(new SqliteOrchestrationStore(Path.Combine(_folder.FullName, "engine.db")));
        var worker = Engine.NewWorker(store, TimeProvider.System, new DurableTaskRegistry()
            .AddActivityFunc<string, string>("Greet", (_, name) => $"Welcome, {name}")
            .AddOrchestratorFunc<string, string>("Kickoff", (context, name) => context.CallActivityAsync<string>("Greet", name)),
            new OrchestrationWorkerOptions(IdlePollInterval: TimeSpan.FromMilliseconds(5)));
        await using var client = new OrchestrationStoreClient(store, TimeProvider.System, new OrchestrationStoreClientOptions(PollInterval: TimeSpan.FromMilliseconds(10)));
        await client.ScheduleNewOrchestrationInstanceAsync("Kickoff", "the new teacher", new StartOrchestrationOptions("pairing-1"));
        store.Full = true;
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await store.ThreeRefusals.Task.WaitAsync(patience.Token);

            Assert.False(worker.ExecuteTask!.IsCompleted, "the worker loop stopped on a full disk");
            store.Full = false;
            var done = await client.WaitForInstanceCompletionAsync("pairing-1", getInputsAndOutputs: true, patience.Token);
            Assert.Equal("Welcome, the new teacher", done.ReadOutputAs<string>());
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Work_a_loop_had_leased_when_the_store_failed_under_it_runs_when_the_store_is_back_without_the_clock_moving()
    {
        // A demo's virtual clock after its last move: it stands still, so a lease only runs out if someone moves it.
        var clock = new StandingClock(new DateTimeOffset(2027, 6, 20, 8, 0, 0, TimeSpan.Zero));
        var store = new FailingCheckpointStore(new SqliteOrchestrationStore(Path.Combine(_folder.FullName, "engine.db")));
        var worker = Engine.NewWorker(store, clock, new DurableTaskRegistry()
            .AddActivityFunc<string, string>("Greet", (_, name) => $"Welcome, {name}")
            .AddOrchestratorFunc<string, string>("Kickoff", (context, name) => context.CallActivityAsync<string>("Greet", name)),
            new OrchestrationWorkerOptions(IdlePollInterval: TimeSpan.FromMilliseconds(5)));
        await using var client = new OrchestrationStoreClient(store, clock, new OrchestrationStoreClientOptions(PollInterval: TimeSpan.FromMilliseconds(10)));
        await client.ScheduleNewOrchestrationInstanceAsync("Kickoff", "the new teacher", new StartOrchestrationOptions("pairing-1"));
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var done = await client.WaitForInstanceCompletionAsync("pairing-1", getInputsAndOutputs: true, patience.Token);

            Assert.Equal(1, store.Failures);
            Assert.Equal("Welcome, the new teacher", done.ReadOutputAs<string>());
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    // A clock that stands still, as a virtual clock does between moves; waits still take real time.
    private sealed class StandingClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    // The first checkpoint fails after its instance was leased (an I/O error), as SQLite's SQLITE_IOERR would.
    private sealed class FailingCheckpointStore(IOrchestrationStore inner) : DelegatingOrchestrationStore(inner)
    {
        private int _failures;

        public int Failures => _failures;

        public override Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken) =>
            episodes.Count > 0 && Interlocked.CompareExchange(ref _failures, 1, 0) == 0
                ? throw new SqliteException("SQLite Error 10: 'disk I/O error'.", 10)
                : base.CompleteOrchestrationsAsync(episodes, now, cancellationToken);
    }

    // SQLite's own answer when the disk is full (SQLITE_FULL), for as long as Full is set.
    private sealed class FullDiskStore(IOrchestrationStore inner) : DelegatingOrchestrationStore(inner)
    {
        private int _refusals;

        public volatile bool Full;

        public TaskCompletionSource ThreeRefusals { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
            string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken)
        {
            if (Full)
            {
                if (Interlocked.Increment(ref _refusals) >= 3)
                {
                    ThreeRefusals.TrySetResult();
                }

                throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
            }

            return base.LockOrchestrationsAsync(workerId, now, lease, maxCount, knownHistories, cancellationToken);
        }
    }
}
