using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using P = Microsoft.DurableTask.Protobuf;

namespace MentorFlow.Testing.Replay;

/// <summary>
/// What an orchestrator asked for in one action, in a form both replay paths give: DurableTask.Core's
/// <see cref="OrchestratorAction"/> and the protobuf action <c>GrpcOrchestrationRunner</c> returns. Two paths that
/// agree give equal records.
/// </summary>
/// <param name="Kind">Schedule task, create sub-orchestration, create timer, send event, or complete orchestration.</param>
/// <param name="Id">The action's sequence number.</param>
/// <param name="Name">The activity, sub-orchestrator or event name.</param>
/// <param name="Version">The activity or sub-orchestrator version; for a continue-as-new, the new version.</param>
/// <param name="InstanceId">The sub-orchestration's instance, or the instance an event is sent to.</param>
/// <param name="Input">The serialized input or event data.</param>
/// <param name="FireAt">When a timer fires.</param>
/// <param name="Status">How a completion ends the execution.</param>
/// <param name="Result">The serialized result of a completion (for a continue-as-new, the next input).</param>
/// <param name="FailureType">The error type of a failed completion.</param>
/// <param name="Carryover">The events a continue-as-new carries into the next execution, as <c>name=input</c>, in order.</param>
public sealed record ReplayedAction(
    string Kind,
    int Id,
    string? Name = null,
    string? Version = null,
    string? InstanceId = null,
    string? Input = null,
    DateTime? FireAt = null,
    OrchestrationStatus? Status = null,
    string? Result = null,
    string? FailureType = null,
    string? Carryover = null)
{
    /// <summary>A DurableTask.Core action, as <c>TaskOrchestrationExecutor</c> returns it.</summary>
    public static ReplayedAction Of(OrchestratorAction action) => action switch
    {
        ScheduleTaskOrchestratorAction a => new("ScheduleTask", a.Id, a.Name, a.Version, Input: a.Input),
        CreateSubOrchestrationAction a => new("CreateSubOrchestration", a.Id, a.Name, a.Version, a.InstanceId, a.Input),
        CreateTimerOrchestratorAction a => new("CreateTimer", a.Id, FireAt: Utc(a.FireAt)),
        SendEventOrchestratorAction a => new("SendEvent", a.Id, a.EventName, InstanceId: a.Instance?.InstanceId, Input: a.EventData),
        OrchestrationCompleteOrchestratorAction a => new("CompleteOrchestration", a.Id, Version: a.NewVersion, Status: a.OrchestrationStatus, Result: a.Result,
            FailureType: a.FailureDetails?.ErrorType,
            Carryover: string.Join("; ", a.CarryoverEvents.OfType<EventRaisedEvent>().Select(e => $"{e.Name}={e.Input}"))),
        _ => throw new NotSupportedException($"Orchestrator action {action?.OrchestratorActionType} is not one the engine runs."),
    };

    /// <summary>A protobuf action, as <c>GrpcOrchestrationRunner</c> returns it.</summary>
    public static ReplayedAction Of(P.OrchestratorAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.OrchestratorActionTypeCase switch
        {
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask =>
                new("ScheduleTask", action.Id, action.ScheduleTask.Name, action.ScheduleTask.Version, Input: action.ScheduleTask.Input),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration => new("CreateSubOrchestration", action.Id,
                action.CreateSubOrchestration.Name, action.CreateSubOrchestration.Version, action.CreateSubOrchestration.InstanceId, action.CreateSubOrchestration.Input),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer => new("CreateTimer", action.Id, FireAt: action.CreateTimer.FireAt.ToDateTime()),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent =>
                new("SendEvent", action.Id, action.SendEvent.Name, InstanceId: action.SendEvent.Instance?.InstanceId, Input: action.SendEvent.Data),
            P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration => new("CompleteOrchestration", action.Id,
                Version: action.CompleteOrchestration.NewVersion,
                Status: (OrchestrationStatus)action.CompleteOrchestration.OrchestrationStatus,
                Result: action.CompleteOrchestration.Result,
                FailureType: action.CompleteOrchestration.FailureDetails?.ErrorType,
                Carryover: string.Join("; ", action.CompleteOrchestration.CarryoverEvents
                    .Where(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.EventRaised)
                    .Select(e => $"{e.EventRaised.Name}={e.EventRaised.Input}"))),
            _ => throw new NotSupportedException($"Orchestrator action {action.OrchestratorActionTypeCase} is not one the engine runs."),
        };
    }

    // The protobuf path turns a local fire time into UTC on the way; DateTime equality ignores the kind otherwise.
    private static DateTime Utc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
}
