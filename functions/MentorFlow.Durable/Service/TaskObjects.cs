using DurableTask.Core;
using Microsoft.DurableTask;

namespace MentorFlow.Durable.Service;

/// <summary>
/// DurableTask.Core's look-up of orchestrations or activities by name, answered from the SDK's registered tasks: each
/// look-up makes a fresh shim, as DurableTask.Core expects a fresh object per work item.
/// </summary>
/// <param name="create">Makes the shim for a registered name, or null when nothing is registered under it.</param>
internal sealed class TaskObjects<T>(Func<TaskName, T?> create) : INameVersionObjectManager<T>
    where T : class
{
    /// <inheritdoc/>
    /// <remarks>Tasks are registered with the SDK's builder, never here.</remarks>
    public void Add(ObjectCreator<T> creator) =>
        throw new NotSupportedException("Register orchestrators and activities with AddDurableTaskWorker(b => b.AddTasks(...)).");

    /// <inheritdoc/>
    public T? GetObject(string name, string? version) => create(new TaskName(name));
}
