namespace MentorFlow.Durable;

/// <summary>
/// An orchestrator: deterministic code that schedules activities, timers and waits, and is
/// replayed from its history after every step. It must take time only from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> and never block or start threads.
/// </summary>
/// <typeparam name="TInput">The orchestration's input.</typeparam>
/// <typeparam name="TOutput">The orchestration's result.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <summary>Runs (or replays) the orchestration.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    Type ITaskOrchestrator.InputType => typeof(TInput);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>The untyped view of an orchestrator the engine runs.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Runs the orchestration with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
