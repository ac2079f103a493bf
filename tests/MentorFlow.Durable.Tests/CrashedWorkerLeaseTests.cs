using System.Diagnostics;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Tests;

public sealed class CrashedWorkerLeaseTests
{
    [Fact]
    public async Task Work_a_crashed_process_had_leased_is_taken_at_start_without_the_clock_moving()
    {
        using var engine = new Engine(new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Welcome", (_, name) => Task.FromResult($"Welcome, {name}")));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Welcome", "the new teacher", new StartOrchestrationOptions("pairing-1"));
        var crashed = $"{Environment.MachineName}:{await EndedProcessIdAsync()}:crashed";
        Assert.Single(await engine.Store.LockOrchestrationsAsync(crashed, engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), 10, null, default));

        // The clock stands still (a virtual clock after a restart): only releasing the dead process's lease lets the work run.
        // The hosted worker releases it as it starts, before its loops run; stopped again, the test runs what is due.
        await engine.Worker.StartAsync(CancellationToken.None);
        await engine.Worker.StopAsync(CancellationToken.None);
        await engine.RunAsync();

        Assert.Equal("Welcome, the new teacher", (await engine.InstanceAsync("pairing-1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Without_the_release_the_crashed_lease_holds_the_work_until_it_runs_out()
    {
        using var engine = new Engine(new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Welcome", (_, name) => Task.FromResult($"Welcome, {name}")));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Welcome", "the new teacher", new StartOrchestrationOptions("pairing-1"));
        Assert.Single(await engine.Store.LockOrchestrationsAsync("other-machine:1:live", engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), 10, null, default));

        await engine.Worker.StartAsync(CancellationToken.None);
        await engine.Worker.StopAsync(CancellationToken.None);
        await engine.RunAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await engine.InstanceAsync("pairing-1")).RuntimeStatus);
    }

    [Fact]
    public async Task Leases_of_this_process_and_of_other_machines_are_not_taken_as_gone()
    {
        Assert.False(GoneWorkers.IsGone($"{Environment.MachineName}:{Environment.ProcessId}:another-worker"));
        Assert.False(GoneWorkers.IsGone($"another-machine:{await EndedProcessIdAsync()}:worker"));
        Assert.False(GoneWorkers.IsGone("bench-1"));
        Assert.True(GoneWorkers.IsGone($"{Environment.MachineName}:{await EndedProcessIdAsync()}:worker"));
    }

    [Fact]
    public async Task Work_a_crashed_process_had_leased_is_taken_at_start_when_its_process_id_now_belongs_to_another_process()
    {
        using var engine = new Engine(new DurableTaskRegistry()
            .AddOrchestratorFunc<string, string>("Welcome", (_, name) => Task.FromResult($"Welcome, {name}")));
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Welcome", "the new teacher", new StartOrchestrationOptions("pairing-1"));
        // A busy machine reuses process ids: the killed server's id may now be a live process's (here this one's, as when the
        // restarted server gets the id back), started after the lease was taken.
        var crashed = $"{Environment.MachineName}:{Environment.ProcessId}@1:crashed";
        Assert.Single(await engine.Store.LockOrchestrationsAsync(crashed, engine.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(2), 10, null, default));

        await engine.Worker.StartAsync(CancellationToken.None);
        await engine.Worker.StopAsync(CancellationToken.None);
        await engine.RunAsync();

        Assert.Equal("Welcome, the new teacher", (await engine.InstanceAsync("pairing-1")).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_worker_is_named_by_its_process_id_and_start_time_so_a_reused_id_does_not_keep_a_dead_worker_alive()
    {
        Assert.False(GoneWorkers.IsGone($"{Environment.MachineName}:{GoneWorkers.ThisProcess}:worker"));
        Assert.StartsWith($"{Environment.ProcessId}@", GoneWorkers.ThisProcess, StringComparison.Ordinal);
        Assert.True(GoneWorkers.IsGone($"{Environment.MachineName}:{Environment.ProcessId}@1:an-earlier-process"));

        using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var started = File.ReadAllText($"/proc/{other.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[19];
            Assert.False(GoneWorkers.IsGone($"{Environment.MachineName}:{other.Id}@{started}:live"));
            Assert.False(GoneWorkers.IsGone($"{Environment.MachineName}:{other.Id}:named-without-start"));
            Assert.True(GoneWorkers.IsGone($"{Environment.MachineName}:{other.Id}@1:had-the-id-before"));
        }
        finally
        {
            other.Kill();
            await other.WaitForExitAsync();
        }

        Assert.True(GoneWorkers.IsGone($"{Environment.MachineName}:{await EndedProcessIdAsync()}@1:worker"));
    }

    // The id of a process that has just ended.
    private static async Task<int> EndedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
