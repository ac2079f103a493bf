using DurableTask.Core;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;
using MentorFlow.Testing.Replay;

namespace MentorFlow.Core.Tests.Year;

/// <summary>
/// Wraps the real store (our own interface) to keep every execution's full history as it ends, since a
/// continue-as-new starts the stored history afresh. Golden full-year recordings are made with it.
/// </summary>
internal sealed class ExecutionRecordingStore(IOrchestrationStore inner) : DelegatingOrchestrationStore(inner)
{
    public List<RecordedExecution> Executions { get; } = [];

    public override async Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken)
    {
        var lost = await Inner.CompleteOrchestrationsAsync(episodes, now, cancellationToken);
        // Late messages consumed by a finished instance are not an execution of the orchestrator.
        foreach (var (item, checkpoint) in episodes.Where(e => !lost.Contains(e.WorkItem.Instance.InstanceId) && !e.WorkItem.Instance.IsFinished))
        {
            var continued = checkpoint.ExecutionId != item.Instance.ExecutionId;
            if (continued || checkpoint.Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed)
            {
                Executions.Add(RecordedExecution.Of(item.History, item.Messages.Select(m => m.Event),
                    continued ? OrchestrationStatus.ContinuedAsNew : checkpoint.Status));
            }
        }

        return lost;
    }

    public override Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken) =>
        Inner.LockOrchestrationsAsync(workerId, now, lease, maxCount, null, cancellationToken); // always the whole history, to record it
}
