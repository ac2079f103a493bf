namespace MentorFlow.Durable;

/// <summary>
/// An activity: the unit of real work (I/O, email, database). Runs at least once per call, so it
/// should be idempotent.
/// </summary>
/// <typeparam name="TInput">The activity's input.</typeparam>
/// <typeparam name="TOutput">The activity's result.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <summary>Does the work.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    Type ITaskActivity.InputType => typeof(TInput);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>The untyped view of an activity the engine runs.</summary>
public interface ITaskActivity
{
    /// <summary>The type the serialized input is read as.</summary>
    Type InputType { get; }

    /// <summary>Runs the activity with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="Name">The activity's registered name.</param>
/// <param name="InstanceId">The orchestration instance that called it.</param>
/// <param name="TaskId">The call's step number in that instance's history.</param>
/// <param name="CancellationToken">Signalled when the worker is stopping.</param>
public sealed record TaskActivityContext(string Name, string InstanceId, int TaskId, CancellationToken CancellationToken);
