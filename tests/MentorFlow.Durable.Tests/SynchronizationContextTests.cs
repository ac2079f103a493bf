namespace MentorFlow.Durable.Tests;

public sealed class SynchronizationContextTests
{
    [Fact]
    public async Task An_orchestrator_driven_from_a_thread_with_a_synchronization_context_still_takes_each_step_inside_its_episode()
    {
        var registry = new DurableTaskRegistry()
            .AddOrchestratorFunc<string?, string>("Wait", async (context, _) => await context.WaitForExternalEvent<string>("go"));
        using var engine = new Engine(registry);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Wait");
        var ui = new HeldPostsContext();

        // The first episode driven from a thread whose context holds posted work (a UI thread, a test runner's),
        // the next from a thread without one.
        await Task.Run(() => ui.Run(() => engine.RunAsync().GetAwaiter().GetResult()));
        await engine.Client.RaiseEventAsync(id, "go", "on time");
        await Task.Run(engine.RunAsync);

        var instance = await engine.InstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal("on time", instance.ReadOutputAs<string>());
        Assert.Equal(0, ui.Held);
    }

    // Keeps what is posted to it instead of running it, as a busy UI thread would until later.
    private sealed class HeldPostsContext : SynchronizationContext
    {
        private int _held;

        public int Held => _held;

        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _held);

        public void Run(Action action)
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                action();
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
