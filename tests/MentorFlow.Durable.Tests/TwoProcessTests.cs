using System.Diagnostics;

namespace MentorFlow.Durable.Tests;

public sealed class TwoProcessTests
{
    [Fact]
    public async Task Two_worker_processes_on_one_database_complete_every_instance_and_run_each_activity_once()
    {
        const int Instances = 150;
        using var engine = new Engine(new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("RecordTwice", (_, input) => Task.FromResult(input)));
        for (var i = 0; i < Instances; i++)
        {
            await engine.Client.ScheduleNewOrchestrationInstanceAsync("RecordTwice", $"p{i}", new StartOrchestrationOptions($"pairing-{i:D3}"));
        }

        // The instances were created on the fake clock's 2026 date, so they are already due on the processes' system clock.
        var logs = new[] { Path.GetTempFileName(), Path.GetTempFileName() };
        try
        {
            var processes = logs.Select(log => StartWorker(engine.DatabasePath, log)).ToList();
            foreach (var process in processes)
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
                Assert.True(process.ExitCode == 0, $"worker process exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
                process.Dispose();
            }

            var all = await engine.Client.GetAllInstancesAsync(new OrchestrationQuery(FetchInputsAndOutputs: true)).ToListAsync();
            Assert.Equal(Instances, all.Count);
            Assert.All(all, instance => Assert.Equal(
                OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus));
            Assert.All(all, instance => Assert.Equal(
                string.Concat(Enumerable.Repeat(instance.ReadInputAs<string>(), 2)), instance.ReadOutputAs<string>()));
            var runs = logs.SelectMany(File.ReadAllLines).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Instances, runs.Count);
            Assert.All(runs.Values, count => Assert.Equal(2, count));
        }
        finally
        {
            Array.ForEach(logs, File.Delete);
        }
    }

    private static Process StartWorker(string database, string log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MentorFlow.Durable.WorkerProcess.dll"));
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(log);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the worker process");
    }
}
