using DurableTask.Core;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// An orchestrator kept live between episodes (an extended session): DurableTask.Core's executor and the runtime state it
/// reads. The first run replays the whole history; later episodes add only their new events and continue from there.
/// </summary>
internal sealed class OrchestrationSession(OrchestrationRuntimeState runtimeState, Func<OrchestrationRuntimeState, TaskOrchestrationExecutor> newExecutor)
{
    private TaskOrchestrationExecutor? _executor;

    /// <summary>The execution's events so far; its new events are the current episode's.</summary>
    public OrchestrationRuntimeState RuntimeState => runtimeState;

    /// <summary>Runs the orchestrator over the state's new events (over all of them the first time).</summary>
    // The executor is made at the first run, once the state holds its ExecutionStarted event: its context takes the instance from it.
    public OrchestratorExecutionResult Run()
    {
        if (_executor is null)
        {
            _executor = newExecutor(runtimeState);
            return _executor.Execute();
        }

        return _executor.ExecuteNewEvents();
    }
}
