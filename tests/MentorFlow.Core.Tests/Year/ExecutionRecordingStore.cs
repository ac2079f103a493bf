using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;

namespace MentorFlow.Core.Tests.Year;

/// <summary>One finished execution of an instance: its stored history and the messages of its last episode, as the store writes them.</summary>
public sealed record RecordedExecution(JsonElement History, JsonElement LastMessages, OrchestrationStatus EndedAs)
{
    /// <summary>Records DurableTask.Core events in the store's JSON.</summary>
    public static RecordedExecution Of(IEnumerable<HistoryEvent> history, IEnumerable<HistoryEvent> lastMessages, OrchestrationStatus endedAs) =>
        new(JsonDocument.Parse(HistoryJson.SerializeAll(history)).RootElement, JsonDocument.Parse(HistoryJson.SerializeAll(lastMessages)).RootElement, endedAs);

    /// <summary>The history as DurableTask.Core events.</summary>
    public IReadOnlyList<HistoryEvent> Events() => HistoryJson.DeserializeAll(History.GetRawText());

    /// <summary>The last episode's messages as DurableTask.Core events.</summary>
    public IReadOnlyList<HistoryEvent> Messages() => HistoryJson.DeserializeAll(LastMessages.GetRawText());
}

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
