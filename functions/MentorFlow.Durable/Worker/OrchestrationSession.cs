using System.Collections;
using System.Reflection;
using DurableTask.Core;
using DurableTask.Core.History;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// An orchestrator kept live between episodes (an extended session): DurableTask.Core's executor and the runtime state it
/// reads. The first run replays the whole history; later episodes add only their new events and continue from there.
/// </summary>
internal sealed class OrchestrationSession(OrchestrationRuntimeState runtimeState, Func<OrchestrationRuntimeState, TaskOrchestrationExecutor> newExecutor)
{
    // DurableTask.Core does not say which timers an orchestrator cancelled: its context only drops them from its open
    // tasks. Reading those lets the store delete a cancelled timer's queued fire, which would otherwise wake the
    // instance for nothing (a third more steps in a program year). Pinned to DurableTask.Core 3.11; CancelledTimerTests
    // fail if a new version hides them.
    private static readonly FieldInfo? ContextField = typeof(TaskOrchestrationExecutor).GetField("context", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly FieldInfo? OpenTasksField = ContextField?.FieldType.GetField("openTasks", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly HashSet<int> _pendingTimers = [];
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

    /// <summary>Notes the timers <paramref name="events"/> create and fire (a replayed history, then each episode's new events).</summary>
    public void Track(IEnumerable<HistoryEvent> events)
    {
        foreach (var historyEvent in events)
        {
            switch (historyEvent)
            {
                case TimerCreatedEvent created:
                    _pendingTimers.Add(created.EventId);
                    break;
                case TimerFiredEvent fired:
                    _pendingTimers.Remove(fired.TimerId);
                    break;
            }
        }
    }

    /// <summary>The timers created and not fired that the orchestrator no longer waits for; each is reported once.</summary>
    public List<int> TakeCancelledTimers()
    {
        if (_pendingTimers.Count == 0 || OpenTasksField?.GetValue(ContextField!.GetValue(_executor)) is not IDictionary open)
        {
            return [];
        }

        var cancelled = _pendingTimers.Where(id => !open.Contains(id)).ToList();
        _pendingTimers.ExceptWith(cancelled);
        return cancelled;
    }

    /// <summary>
    /// Lets go of the events already played: a live executor only reads the new events of each episode, and a year's
    /// thousands of live sessions would otherwise hold their whole histories in memory.
    /// </summary>
    public void ForgetPlayedEvents()
    {
        runtimeState.Events.Clear();
        runtimeState.PastEvents.Clear();
    }
}
