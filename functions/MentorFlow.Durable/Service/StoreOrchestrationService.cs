using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using MentorFlow.Durable.Client;
using MentorFlow.Durable.Worker;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;

namespace MentorFlow.Durable.Service;

/// <summary>
/// DurableTask.Core's backend interfaces over an <see cref="IOrchestrationStore"/> (the SQLite store, partitioned or
/// not), so DurableTask.Core's own dispatchers (<c>TaskHubWorker</c>) and clients (<c>TaskHubClient</c>) run on it as on
/// Azure Storage. Work items are leased from the store a batch at a time and handed out one by one; each checkpoint is
/// all or nothing, and checkpoints completed together share one store transaction. Visibility of timers and leases follows the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class StoreOrchestrationService(IOrchestrationStore store, TimeProvider timeProvider, StoreOrchestrationServiceOptions? options = null)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServicePurgeClient, IOrchestrationServiceQueryClient
{
    private readonly StoreOrchestrationServiceOptions _options = options ?? new StoreOrchestrationServiceOptions();
    private readonly string _workerId = $"{Environment.MachineName}:{GoneWorkers.ThisProcess}:core:{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<OrchestrationWorkItem> _orchestrations = new();
    private readonly ConcurrentQueue<ActivityWorkItem> _activities = new();
    // By work item, not instance id: the next lease of an instance can come before DurableTask.Core releases the last one.
    private readonly ConditionalWeakTable<TaskOrchestrationWorkItem, OrchestrationWorkItem> _leasedOrchestrations = [];
    private readonly ConcurrentDictionary<string, ActivityWorkItem> _leasedActivities = new(StringComparer.Ordinal);
    // Completions that arrive while a commit is under way go together in the next one (group commit).
    private readonly GroupCommit<EpisodeCheckpoint> _checkpoints = new(batch => StoreCommits.EpisodesAsync(store, timeProvider, batch));
    private readonly GroupCommit<ActivityResult> _activityResults = new(batch => StoreCommits.ActivityResultsAsync(store, timeProvider, batch));

    /// <inheritdoc/>
    public int TaskOrchestrationDispatcherCount => 1;

    /// <inheritdoc/>
    public int MaxConcurrentTaskOrchestrationWorkItems => _options.MaxConcurrentWorkItems;

    /// <inheritdoc/>
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    /// <inheritdoc/>
    public int TaskActivityDispatcherCount => 1;

    /// <inheritdoc/>
    public int MaxConcurrentTaskActivityWorkItems => _options.MaxConcurrentWorkItems;

    /// <inheritdoc/>
    public Task StartAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(bool isForced) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>The store creates and migrates its schema when it is opened.</remarks>
    public Task CreateAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public Task CreateAsync(bool recreateInstanceStore) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task CreateIfNotExistsAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>Deleting the database is the operator's act (move the data folder aside), never the engine's.</remarks>
    public Task DeleteAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public Task DeleteAsync(bool deleteInstanceStore) => Task.CompletedTask;

    /// <inheritdoc/>
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => (int)_options.Retry.TotalSeconds;

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => (int)_options.Retry.TotalSeconds;

    /// <inheritdoc/>
    public async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await NextAsync(_orchestrations, count => store.LockOrchestrationsAsync(_workerId, Now(), _options.Lease, count, null, cancellationToken), receiveTimeout, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var instance = new OrchestrationInstance { InstanceId = item.Instance.InstanceId, ExecutionId = item.Instance.ExecutionId };
        var workItem = new TaskOrchestrationWorkItem
        {
            InstanceId = item.Instance.InstanceId,
            OrchestrationRuntimeState = new OrchestrationRuntimeState([.. item.History]),
            NewMessages = [.. item.Messages.Select(m => new TaskMessage { Event = m.Event, SequenceNumber = m.SequenceNumber, OrchestrationInstance = instance })],
            LockedUntilUtc = Now() + _options.Lease,
        };
        _leasedOrchestrations.AddOrUpdate(workItem, item);
        return workItem;
    }

    /// <inheritdoc/>
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage? continuedAsNewMessage,
        OrchestrationState? orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        var item = Leased(workItem);
        var checkpoint = StoreCheckpoint.From(item, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, Now());
        await _checkpoints.SendAsync(new EpisodeCheckpoint(item, checkpoint), CancellationToken.None);
    }

    /// <inheritdoc/>
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var item = Leased(workItem);
        return store.AbandonOrchestrationAsync(item, new AbandonReason("DurableTask.Core abandoned the work item.", null), Now() + _options.Retry, CancellationToken.None);
    }

    /// <inheritdoc/>
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        _leasedOrchestrations.Remove(workItem);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<TaskActivityWorkItem?> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await NextAsync(_activities, count => store.LockActivitiesAsync(_workerId, Now(), _options.Lease, count, cancellationToken), receiveTimeout, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var id = item.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _leasedActivities[id] = item;
        return new TaskActivityWorkItem
        {
            Id = id,
            LockedUntilUtc = Now() + _options.Lease,
            TaskMessage = new TaskMessage
            {
                Event = new TaskScheduledEvent(item.TaskId, item.Name, null, item.Input),
                OrchestrationInstance = new OrchestrationInstance { InstanceId = item.InstanceId, ExecutionId = item.ExecutionId },
            },
        };
    }

    /// <inheritdoc/>
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => Task.FromResult(workItem);

    /// <inheritdoc/>
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(responseMessage);
        var item = Leased(_leasedActivities, workItem.Id);
        _leasedActivities.TryRemove(workItem.Id, out _);
        responseMessage.Event.Timestamp = Now();
        return _activityResults.SendAsync(new ActivityResult(item, responseMessage.Event), CancellationToken.None);
    }

    /// <inheritdoc/>
    /// <remarks>The lease runs out and another dispatch takes the call (it counts toward parking it).</remarks>
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        _leasedActivities.TryRemove(workItem.Id, out _);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, []);

    /// <inheritdoc/>
    /// <remarks>An unfinished instance with the id is always kept (as Durable Functions does by default).</remarks>
    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        ArgumentNullException.ThrowIfNull(creationMessage);
        if (creationMessage.Event is not ExecutionStartedEvent started)
        {
            throw new ArgumentException("A creation message carries an ExecutionStarted event.", nameof(creationMessage));
        }

        var existing = await store.GetInstanceAsync(creationMessage.OrchestrationInstance.InstanceId, CancellationToken.None);
        if (existing is not null && dedupeStatuses?.Contains(existing.Status) == true)
        {
            throw new OrchestrationAlreadyExistsException($"An orchestration with id '{existing.InstanceId}' exists and is {existing.Status}.");
        }

        var now = Now();
        started.Timestamp = now;
        started.OrchestrationInstance ??= creationMessage.OrchestrationInstance;
        await store.TryCreateInstancesAsync([new NewInstance(started, started.ScheduledStartTime ?? now)], now, CancellationToken.None);
    }

    /// <inheritdoc/>
    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => SendTaskOrchestrationMessageBatchAsync(message);

    /// <inheritdoc/>
    public async Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = Now();
        var missing = await store.EnqueueMessagesAsync(
            [.. messages.Select(m => new OutgoingMessage(m.OrchestrationInstance.InstanceId, Stamped(m.Event, now), now))], CancellationToken.None);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No orchestration instance {string.Join(", ", missing.Select(id => $"'{id}'"))} exists; no message was sent.");
        }
    }

    /// <inheritdoc/>
    public async Task<OrchestrationState?> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = Now() + timeout;
        while (true)
        {
            var state = await GetOrchestrationStateAsync(instanceId, executionId);
            if (state is { OrchestrationStatus: OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated } || Now() >= until)
            {
                return state;
            }

            await Task.Delay(_options.Poll, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) =>
        SendTaskOrchestrationMessageAsync(new TaskMessage { Event = new ExecutionTerminatedEvent(-1, reason), OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId } });

    /// <inheritdoc/>
    /// <remarks>The store keeps the current execution only.</remarks>
    public async Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        await store.GetInstanceAsync(instanceId, CancellationToken.None) is { } instance ? [StoreCheckpoint.StateOf(instance)] : [];

    /// <inheritdoc/>
    public async Task<OrchestrationState?> GetOrchestrationStateAsync(string instanceId, string? executionId) =>
        await store.GetInstanceAsync(instanceId, CancellationToken.None) is { } instance && (executionId is null || instance.ExecutionId == executionId)
            ? StoreCheckpoint.StateOf(instance)
            : null;

    /// <inheritdoc/>
    public async Task<string> GetOrchestrationHistoryAsync(string instanceId, string? executionId) =>
        Sqlite.HistoryJson.SerializeAll(await store.GetHistoryAsync(instanceId, CancellationToken.None));

    /// <inheritdoc/>
    public async Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        await PurgeInstanceStateAsync(new PurgeInstanceFilter(DateTime.MinValue, thresholdDateTimeUtc, null));

    /// <inheritdoc/>
    public async Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) =>
        new(await store.PurgeInstanceAsync(instanceId, CancellationToken.None) ? 1 : 0);

    /// <inheritdoc/>
    public async Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter)
    {
        ArgumentNullException.ThrowIfNull(purgeInstanceFilter);
        var purged = 0;
        var query = new InstanceQuery(
            [.. purgeInstanceFilter.RuntimeStatus ?? [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated]],
            purgeInstanceFilter.CreatedTimeFrom, purgeInstanceFilter.CreatedTimeTo, PageSize: 500);
        string? continuation = null;
        do
        {
            var page = await store.QueryInstancesAsync(query with { ContinuationToken = continuation }, CancellationToken.None);
            foreach (var instance in page.Instances)
            {
                purged += await store.PurgeInstanceAsync(instance.InstanceId, CancellationToken.None) ? 1 : 0;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return new PurgeResult(purged);
    }

    /// <inheritdoc/>
    public async Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(CoreQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await store.QueryInstancesAsync(
            new InstanceQuery(query.RuntimeStatus?.ToList(), query.CreatedTimeFrom, query.CreatedTimeTo, query.InstanceIdPrefix, Math.Clamp(query.PageSize, 1, 1000), query.ContinuationToken),
            cancellationToken);
        return new OrchestrationQueryResult([.. page.Instances.Select(StoreCheckpoint.StateOf)], page.ContinuationToken);
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private static HistoryEvent Stamped(HistoryEvent historyEvent, DateTime now)
    {
        historyEvent.Timestamp = now;
        return historyEvent;
    }

    private OrchestrationWorkItem Leased(TaskOrchestrationWorkItem workItem) =>
        _leasedOrchestrations.TryGetValue(workItem, out var item) ? item : throw new InvalidOperationException($"Work item of '{workItem.InstanceId}' is not leased by this service.");

    private static T Leased<T>(ConcurrentDictionary<string, T> leased, string id) =>
        leased.TryGetValue(id, out var item) ? item : throw new InvalidOperationException($"Work item '{id}' is not leased by this service.");

    // Takes the next prefetched item, leasing a batch when none is left; waits up to the timeout for one to be due.
    private async Task<T?> NextAsync<T>(ConcurrentQueue<T> prefetched, Func<int, Task<IReadOnlyList<T>>> lease, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (prefetched.TryDequeue(out var next))
            {
                return next;
            }

            var batch = await lease(_options.BatchSize);
            foreach (var item in batch)
            {
                prefetched.Enqueue(item);
            }

            if (batch.Count == 0)
            {
                if (stopwatch.Elapsed >= timeout)
                {
                    return null;
                }

                // Polling is real time, whatever the program's clock: it is how often the store is asked, not when work is due.
                await Task.Delay(_options.Poll, cancellationToken);
            }
        }

        return null;
    }
}
