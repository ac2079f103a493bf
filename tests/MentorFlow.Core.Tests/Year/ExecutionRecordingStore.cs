using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Sqlite;
using MentorFlow.Durable.Worker;

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
internal sealed class ExecutionRecordingStore(IOrchestrationStore inner) : IOrchestrationStore
{
    public List<RecordedExecution> Executions { get; } = [];

    public async Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken)
    {
        var lost = await inner.CompleteOrchestrationsAsync(episodes, now, cancellationToken);
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

    public Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken) =>
        inner.TryCreateInstancesAsync(instances, now, cancellationToken);

    public Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken) =>
        inner.EnqueueMessageAsync(instanceId, message, visibleAt, cancellationToken);

    public Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken) =>
        inner.FindMissingInstancesAsync(instanceIds, cancellationToken);

    public Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        inner.EnqueueMessagesAsync(messages, cancellationToken);

    public Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken) =>
        inner.LockOrchestrationsAsync(workerId, now, lease, maxCount, null, cancellationToken); // always the whole history, to record it

    public Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken) =>
        inner.AbandonOrchestrationAsync(workItem, reason, retryAt, cancellationToken);

    public Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken) =>
        inner.LockActivitiesAsync(workerId, now, lease, maxCount, cancellationToken);

    public Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken) =>
        inner.CompleteActivitiesAsync(results, now, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) => inner.QueryInstancesAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) => inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.PurgeInstanceAsync(instanceId, cancellationToken);
}
