using DurableTask.Core;
using DurableTask.Core.History;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Where instances, their DurableTask.Core histories and their queued work live. Every method is atomic; a
/// checkpoint writes an episode's whole outcome in one transaction.
/// </summary>
public interface IOrchestrationStore
{
    /// <summary>
    /// Creates the instances, each with its ExecutionStarted message, in one transaction; for each, in order, false when
    /// a non-finished instance with that id exists (it is left as it is).
    /// </summary>
    Task<IReadOnlyList<bool>> TryCreateInstancesAsync(IReadOnlyList<NewInstance> instances, DateTime now, CancellationToken cancellationToken);

    /// <summary>Queues a message for an instance, visible from <paramref name="visibleAt"/>; false when no such instance exists.</summary>
    Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken);

    /// <summary>
    /// Queues many messages in one transaction, all or none; returns the ids of instances that do not exist
    /// (and then queues nothing).
    /// </summary>
    Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);

    /// <summary>The ids among <paramref name="instanceIds"/> that name no instance, each once.</summary>
    Task<IReadOnlyList<string>> FindMissingInstancesAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> instances that have visible messages, each with its history and
    /// messages, in one transaction; empty when nothing is due. A history that <paramref name="knownHistories"/>
    /// holds at its current length is not read, nor is a finished instance's (its late messages are only consumed);
    /// the work item's history is then empty and its length is still given.
    /// </summary>
    Task<IReadOnlyList<OrchestrationWorkItem>> LockOrchestrationsAsync(
        string workerId, DateTime now, TimeSpan lease, int maxCount, IKnownHistories? knownHistories, CancellationToken cancellationToken);

    /// <summary>
    /// Writes many episodes' outcomes and releases their leases in one transaction (one commit for the batch);
    /// an episode whose lease was lost is discarded, and its instance id is returned.
    /// </summary>
    Task<IReadOnlyList<string>> CompleteOrchestrationsAsync(IReadOnlyList<EpisodeCheckpoint> episodes, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the lease without changes so the work is tried again from <paramref name="retryAt"/>,
    /// recording <paramref name="reason"/>: a dispatch error, or why the instance waits.
    /// </summary>
    Task AbandonOrchestrationAsync(OrchestrationWorkItem workItem, AbandonReason reason, DateTime retryAt, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="maxCount"/> visible activity calls in one transaction; empty when none is due.</summary>
    Task<IReadOnlyList<ActivityWorkItem>> LockActivitiesAsync(string workerId, DateTime now, TimeSpan lease, int maxCount, CancellationToken cancellationToken);

    /// <summary>Removes the activity calls and queues their results for their instances, in one transaction.</summary>
    Task CompleteActivitiesAsync(IReadOnlyList<ActivityResult> results, DateTime now, CancellationToken cancellationToken);

    /// <summary>The instance, or null.</summary>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>One page of instances matching <paramref name="query"/>, oldest first.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The current execution's history, in order.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Deletes a finished instance with its history and messages; false when it is missing or not finished.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Releases every lease (on instances and on activity calls) held by a worker <paramref name="isGone"/> says no longer
    /// runs, so its work is due again now rather than when the lease would have run out; returns how many it released.
    /// </summary>
    Task<int> ReleaseLeasesOfGoneWorkersAsync(Func<string, bool> isGone, CancellationToken cancellationToken);
}

/// <summary>Why a leased instance was released unchanged.</summary>
/// <param name="DispatchError">The error that stopped the episode, when one did (counts toward poison).</param>
/// <param name="WaitingReason">Why the instance waits without running, when it does (e.g. no worker has its orchestrator).</param>
public sealed record AbandonReason(string? DispatchError, string? WaitingReason);

/// <summary>An instance to create, from the ExecutionStarted event that starts it.</summary>
/// <param name="Started">Its first event (instance and execution ids, name, version, input, parent).</param>
/// <param name="StartAt">When its start becomes visible to workers.</param>
public sealed record NewInstance(ExecutionStartedEvent Started, DateTime StartAt)
{
    /// <summary>The instance's id.</summary>
    public string InstanceId => Started.OrchestrationInstance.InstanceId;

    /// <summary>The first execution's id.</summary>
    public string ExecutionId => Started.OrchestrationInstance.ExecutionId;

    /// <summary>The parent that waits for this instance, when it is a sub-orchestration.</summary>
    public ParentLink? Parent => Started.ParentInstance is { } parent ? new ParentLink(parent.OrchestrationInstance.InstanceId, parent.TaskScheduleId) : null;
}

/// <summary>The orchestration that called an instance as a sub-orchestration, and the step it waits at.</summary>
public sealed record ParentLink(string InstanceId, int TaskScheduleId);

/// <summary>An instance as stored.</summary>
public sealed record InstanceRecord(
    string InstanceId,
    string ExecutionId,
    string Name,
    string Version,
    OrchestrationStatus Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    string? Input,
    string? Output,
    string? CustomStatus,
    FailureDetails? Failure,
    ParentLink? Parent,
    int DispatchAttempts,
    string? LastDispatchError,
    string? WaitingReason)
{
    /// <summary>True once completed, failed or terminated.</summary>
    public bool IsFinished => Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated;
}

/// <summary>Which instances a query reads, one page at a time, oldest first.</summary>
public sealed record InstanceQuery(
    IReadOnlyCollection<OrchestrationStatus>? Statuses = null,
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    string? InstanceIdPrefix = null,
    int PageSize = 100,
    string? ContinuationToken = null);

/// <summary>One page of a query, with the token for the next page (null on the last).</summary>
public sealed record InstancePage(IReadOnlyList<InstanceRecord> Instances, string? ContinuationToken);

/// <summary>A message queued for an instance.</summary>
public sealed record QueuedMessage(long SequenceNumber, HistoryEvent Event);

/// <summary>A leased instance with its history and the messages to apply.</summary>
/// <param name="Instance">The instance as stored.</param>
/// <param name="History">Its current execution's history; empty when the worker said it holds it (see <see cref="HistoryOmitted"/>).</param>
/// <param name="Messages">The visible messages to apply.</param>
/// <param name="LockedBy">The worker holding the lease.</param>
/// <param name="HistoryLength">The number of events in the stored history (read or not).</param>
public sealed record OrchestrationWorkItem(InstanceRecord Instance, IReadOnlyList<HistoryEvent> History, IReadOnlyList<QueuedMessage> Messages, string LockedBy, int HistoryLength)
{
    /// <summary>Creates a work item whose whole history was read.</summary>
    public OrchestrationWorkItem(InstanceRecord instance, IReadOnlyList<HistoryEvent> history, IReadOnlyList<QueuedMessage> messages, string lockedBy)
        : this(instance, history, messages, lockedBy, history?.Count ?? 0)
    {
    }

    /// <summary>True when the store skipped reading a history the worker holds in memory.</summary>
    public bool HistoryOmitted => History.Count != HistoryLength;
}

/// <summary>A leased activity call.</summary>
public sealed record ActivityWorkItem(long SequenceNumber, string InstanceId, string ExecutionId, int TaskId, string Name, string? Input, int DequeueCount, string LockedBy);

/// <summary>One episode's outcome for a leased instance.</summary>
public sealed record EpisodeCheckpoint(OrchestrationWorkItem WorkItem, Checkpoint Checkpoint);

/// <summary>A finished activity call and the event that reports it (TaskCompleted or TaskFailed).</summary>
public sealed record ActivityResult(ActivityWorkItem WorkItem, HistoryEvent Result);

/// <summary>An activity call to queue.</summary>
public sealed record NewActivity(int TaskId, string Name, string? Input);

/// <summary>A message to queue for some instance (this one, a parent, or another).</summary>
public sealed record OutgoingMessage(string InstanceId, HistoryEvent Event, DateTime VisibleAt);

/// <summary>Everything one episode changes, written in one transaction.</summary>
/// <param name="Status">The instance's status after the episode.</param>
/// <param name="CustomStatus">Its custom status (JSON).</param>
/// <param name="Output">Its output (JSON), when finished.</param>
/// <param name="Failure">Its failure, when failed.</param>
/// <param name="ExecutionId">The execution the new history belongs to (a new one after continue-as-new).</param>
/// <param name="NewHistory">Events appended to that execution's history (a new execution's whole history).</param>
/// <param name="ConsumedMessages">Sequence numbers of the messages this episode used up.</param>
/// <param name="NewActivities">Activity calls to queue.</param>
/// <param name="NewInstances">Child instances to create.</param>
/// <param name="Messages">Messages to queue (timers, results for a parent, events for other instances).</param>
/// <param name="NewExecutionInput">The input of the new execution, when <paramref name="ExecutionId"/> changed.</param>
/// <param name="CancelledTimers">
/// Ids of timers whose queued fire messages can go, so they never wake the instance. (A finished instance's queued
/// timers all go.)
/// </param>
public sealed record Checkpoint(
    OrchestrationStatus Status,
    string? CustomStatus,
    string? Output,
    FailureDetails? Failure,
    string ExecutionId,
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<long> ConsumedMessages,
    IReadOnlyList<NewActivity> NewActivities,
    IReadOnlyList<NewInstance> NewInstances,
    IReadOnlyList<OutgoingMessage> Messages,
    string? NewExecutionInput = null,
    IReadOnlyList<int>? CancelledTimers = null);

/// <summary>Another worker took the instance after this worker's lease expired; its episode is discarded.</summary>
public sealed class LeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LeaseLostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LeaseLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
