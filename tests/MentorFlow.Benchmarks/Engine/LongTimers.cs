using System.Diagnostics;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;

namespace MentorFlow.Benchmarks.Engine;

/// <summary>What one long-timers run measured.</summary>
internal sealed record LongTimersResult(int Completed, TimeSpan FromAdvanceToAllCompleted);

/// <summary>
/// A program year in miniature: every instance waits on a 1-year durable timer and an external event.
/// The events arrive, then a fake clock jumps a year; the figure is how long the engine takes to finish them all.
/// </summary>
internal static class LongTimers
{
    public static async Task<LongTimersResult> RunAsync(string folder, int instances, int workers, TextWriter progress)
    {
        static void Tasks(DurableTaskRegistry registry) => registry
            .AddOrchestratorFunc<object?, string>("YearWithSignOff", async (context, _) =>
            {
                var year = context.CreateTimer(context.CurrentUtcDateTime.AddDays(365), CancellationToken.None);
                var signOff = context.WaitForExternalEvent<string>("SignOff");
                await Task.WhenAll(year, signOff);
                return await signOff;
            });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var store = new SqliteOrchestrationStore(Path.Combine(folder, "long-timers.db"));
        var client = new OrchestrationStoreClient(store, clock);
        var worker = OrchestrationWorkerBuilder.Create(store, clock, Tasks);

        var ids = Enumerable.Range(0, instances).Select(i => $"year-{i:D6}").ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync("YearWithSignOff", null, new StartOrchestrationOptions(ids[i]));
            Report(progress, "started", i + 1, instances);
        }

        await worker.ProcessAllDueAsync();
        for (var i = 0; i < ids.Count; i++)
        {
            await client.RaiseEventAsync(ids[i], "SignOff", "signed");
            Report(progress, "signed off", i + 1, instances);
        }

        await worker.ProcessAllDueAsync();
        await progress.WriteLineAsync($"long-timers: {instances:N0} instances wait on their 1-year timers; advancing the clock 366 days");

        var stopwatch = Stopwatch.StartNew();
        clock.Advance(TimeSpan.FromDays(366));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() =>
            OrchestrationWorkerBuilder.Create(store, clock, Tasks, new OrchestrationWorkerOptions(WorkerId: $"timers-{w}")).ProcessAllDueAsync())));
        stopwatch.Stop();

        var completed = 0;
        await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], PageSize: 1000)))
        {
            completed++;
        }

        return new LongTimersResult(completed, stopwatch.Elapsed);
    }

    private static void Report(TextWriter progress, string what, int done, int total)
    {
        if (done % 2000 == 0 || done == total)
        {
            progress.WriteLine($"long-timers: {done:N0} of {total:N0} {what}");
        }
    }
}
