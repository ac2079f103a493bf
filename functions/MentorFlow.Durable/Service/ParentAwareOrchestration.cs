using DurableTask.Core;
using Microsoft.DurableTask;

namespace MentorFlow.Durable.Service;

/// <summary>
/// An SDK shim made only once its episode is known: DurableTask.Core asks for the orchestration by name before any
/// middleware sees the episode, and the SDK's shim needs the episode's parent (<c>context.Parent</c>) when it is made.
/// </summary>
/// <param name="create">Makes the SDK's shim for a parent (null for a top-level instance).</param>
internal sealed class ParentAwareOrchestration(Func<ParentOrchestrationInstance?, TaskOrchestration> create) : TaskOrchestration
{
    private ParentOrchestrationInstance? _parent;
    private TaskOrchestration? _shim;

    /// <summary>Takes the parent from the episode about to run; the first episode decides.</summary>
    public void Bind(OrchestrationRuntimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_shim is null && state.ParentInstance is { } parent)
        {
            _parent = new ParentOrchestrationInstance(new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
        }
    }

    /// <inheritdoc/>
    public override Task<string> Execute(OrchestrationContext context, string input) => Shim.Execute(context, input);

    /// <inheritdoc/>
    public override void RaiseEvent(OrchestrationContext context, string name, string input) => Shim.RaiseEvent(context, name, input);

    /// <inheritdoc/>
    public override string GetStatus() => Shim.GetStatus();

    private TaskOrchestration Shim => _shim ??= create(_parent);
}
