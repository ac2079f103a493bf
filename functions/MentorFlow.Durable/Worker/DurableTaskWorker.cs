using MentorFlow.Durable.History;
using MentorFlow.Durable.Replay;
using Microsoft.Extensions.Logging;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Runs due work from a store: orchestration episodes (replay, then one checkpoint transaction)
/// and activity calls. Call <see cref="ProcessDueAsync"/> from a queue or timer trigger, or host
/// <see cref="DurableTaskWorkerService"/> to poll.
/// </summary>
public sealed partial class DurableTaskWorker(
    IOrchestrationStore store,
    DurableTaskRegistry registry,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    DurableTaskWorkerOptions? options = null)
{
    private readonly DurableTaskWorkerOptions _options = options ?? new DurableTaskWorkerOptions();
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableTaskWorker>();
    private readonly OrchestrationExecutor _executor = new(loggerFactory);
    private readonly OrchestrationSessionCache? _sessions = options is { ExtendedSessions: false } ? null : options?.Sessions ?? new OrchestrationSessionCache();

    /// <summary>
    /// Processes up to <paramref name="maxItems"/> work items that are due now, in batches that each cost one
    /// lease transaction and one checkpoint transaction; returns how many it processed.
    /// </summary>
    public async Task<int> ProcessDueAsync(int maxItems, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var processed = 0;
        while (processed < maxItems && !cancellationToken.IsCancellationRequested)
        {
            var episodes = await RunEpisodesAsync(Math.Min(maxItems - processed, _options.BatchSize), cancellationToken);
            processed += episodes;
            var activities = processed < maxItems
                ? await RunActivitiesAsync(Math.Min(maxItems - processed, _options.BatchSize), cancellationToken)
                : 0;
            processed += activities;
            if (episodes + activities == 0)
            {
                break;
            }
        }

        return processed;
    }

    /// <summary>Processes work until nothing is due now (a step of a simulation or test); returns how many items it processed.</summary>
    public async Task<int> ProcessAllDueAsync(CancellationToken cancellationToken = default)
    {
        var total = 0;
        int batch;
        do
        {
            batch = await ProcessDueAsync(1000, cancellationToken);
            total += batch;
        }
        while (batch > 0);

        return total;
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

    private async Task<int> RunEpisodesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var now = Now();
        var items = await store.LockOrchestrationsAsync(_options.Id, now, _options.Lease, maxCount, _sessions, cancellationToken);
        var done = new List<EpisodeCheckpoint>(items.Count);
        var live = new Dictionary<string, OrchestrationSession>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            try
            {
                var (checkpoint, session) = item.Instance.DispatchAttempts > _options.MaxDispatchAttempts
                    ? (Park(item, now), null)
                    : await EpisodeAsync(item, now, cancellationToken);
                if (checkpoint is null)
                {
                    var waiting = $"Waiting for a worker that has orchestrator '{item.Instance.Name}' version '{item.Instance.Version}'; " +
                        "deploy that version (or register it) and the instance continues.";
                    LogWaitingForVersion(item.Instance.InstanceId, item.Instance.Name, item.Instance.Version);
                    await store.AbandonOrchestrationAsync(item, new AbandonReason(null, waiting), now + _options.VersionRetryDelay, cancellationToken);
                }
                else
                {
                    done.Add(new EpisodeCheckpoint(item, checkpoint));
                    if (_sessions is not null && session is not null && checkpoint.ExecutionId == item.Instance.ExecutionId && checkpoint.Status is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended)
                    {
                        live[item.Instance.InstanceId] = session;
                    }
                }
            }
#pragma warning disable CA1031 // A crashing dispatch must not stop the worker: it is recorded, retried, then parked.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogDispatchFailed(ex, item.Instance.InstanceId, item.Instance.DispatchAttempts);
                await store.AbandonOrchestrationAsync(item, new AbandonReason($"{ex.GetType().FullName}: {ex.Message}", null), now + _options.RetryDelay, cancellationToken);
            }
        }

        var lost = await store.CompleteOrchestrationsAsync(done, now, cancellationToken);
        foreach (var instanceId in lost)
        {
            LogLeaseLost(instanceId, "another worker took the instance after this worker's lease expired; this episode is discarded");
        }

        // Only what was written stays live: the session is now at the stored history's new length.
        foreach (var (item, checkpoint) in done)
        {
            var id = item.Instance.InstanceId;
            if (live.TryGetValue(id, out var session) && !lost.Contains(id, StringComparer.Ordinal))
            {
                _sessions?.Put(id, checkpoint.ExecutionId, item.HistoryLength + checkpoint.NewHistory.Count, session);
            }
        }

        return items.Count;
    }

    // A null checkpoint when this worker lacks the instance's orchestrator version: the instance waits.
    // The session is the live orchestrator after the episode, when it may be kept.
    private async Task<(Checkpoint? Checkpoint, OrchestrationSession? Session)> EpisodeAsync(OrchestrationWorkItem item, DateTime now, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        var session = _sessions?.TryTake(instance.InstanceId, instance.ExecutionId, item.HistoryLength);
        var history = item.History;
        if (session is null && item.HistoryOmitted && !instance.IsFinished)
        {
            // The cache let its session go between the lease and now: read the history after all.
            history = await store.GetHistoryAsync(instance.InstanceId, cancellationToken);
        }

        return await EpisodeAsync(item, history, session, now, cancellationToken);
    }

    private async Task<(Checkpoint? Checkpoint, OrchestrationSession? Session)> EpisodeAsync(
        OrchestrationWorkItem item, IReadOnlyList<HistoryEvent> past, OrchestrationSession? session, DateTime now, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        var consumed = new List<long>();
        var control = new List<HistoryEvent>();
        var deliver = new List<HistoryEvent>();
        var suspended = instance.Status == OrchestrationRuntimeStatus.Suspended;
        ExecutionTerminatedEvent? terminated = null;

        foreach (var message in item.Messages)
        {
            if (instance.IsFinished || terminated is not null)
            {
                consumed.Add(message.SequenceNumber); // nothing reaches a finished instance
                continue;
            }

            switch (message.Event)
            {
                case ExecutionTerminatedEvent terminate:
                    terminated = terminate;
                    control.Add(terminate);
                    consumed.Add(message.SequenceNumber);
                    break;
                case ExecutionSuspendedEvent suspend:
                    suspended = true;
                    control.Add(suspend);
                    consumed.Add(message.SequenceNumber);
                    break;
                case ExecutionResumedEvent resume:
                    suspended = false;
                    control.Add(resume);
                    consumed.Add(message.SequenceNumber);
                    break;
                case ExecutionStartedEvent started when started.ExecutionId != instance.ExecutionId:
                    consumed.Add(message.SequenceNumber); // a start for an execution that was replaced
                    break;
                default:
                    if (!suspended)
                    {
                        deliver.Add(message.Event);
                        consumed.Add(message.SequenceNumber);
                    }

                    break;
            }
        }

        if (instance.IsFinished)
        {
            return (Unchanged(instance, consumed), null);
        }

        if (terminated is not null)
        {
            var history = control.Append(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Terminated, DurableJson.Serialize(terminated.Reason), null)).ToList();
            var failure = new TaskFailureDetails("Terminated", terminated.Reason ?? "The instance was terminated.");
            return (new Checkpoint(
                OrchestrationRuntimeStatus.Terminated, instance.CustomStatus, DurableJson.Serialize(terminated.Reason), null,
                instance.ExecutionId, history, consumed, [], [], NotifyParent(instance, now, null, failure)), null);
        }

        if (deliver.Count == 0)
        {
            var status = suspended ? OrchestrationRuntimeStatus.Suspended : ResumedStatus(instance);
            return (new Checkpoint(status, instance.CustomStatus, null, null, instance.ExecutionId, control, consumed, [], [], []), session);
        }

        EpisodeOutcome outcome;
        if (session is not null)
        {
            outcome = OrchestrationExecutor.Continue(session, deliver, now);
        }
        else
        {
            var orchestrator = registry.CreateOrchestrator(instance.Name, instance.Version);
            if (orchestrator is null)
            {
                return (null, null);
            }

            outcome = _executor.Execute(orchestrator, instance.InstanceId, past, deliver, now, instance.CustomStatus, out session);
        }

        if (_options.InlineActivities && session is not null)
        {
            outcome = await RunInlineActivitiesAsync(instance, session, outcome, now, cancellationToken);
        }

        return (ToCheckpoint(instance, outcome, control, consumed, suspended, now), session);
    }

    // Runs the activity calls the episode made and feeds their results back in, until it asks for none: one checkpoint for all.
    private async Task<EpisodeOutcome> RunInlineActivitiesAsync(
        InstanceRecord instance, OrchestrationSession session, EpisodeOutcome outcome, DateTime now, CancellationToken cancellationToken)
    {
        while (outcome.Status == OrchestrationRuntimeStatus.Running && outcome.NewActions.OfType<ScheduleTaskAction>().ToList() is { Count: > 0 } calls)
        {
            var results = new List<HistoryEvent>(calls.Count);
            foreach (var call in calls)
            {
                var item = new ActivityWorkItem(0, instance.InstanceId, instance.ExecutionId, call.Id, call.Name, call.Input, 1, _options.Id);
                results.Add(await RunActivityAsync(item, cancellationToken));
            }

            var next = OrchestrationExecutor.Continue(session, results, now);
            outcome = next with
            {
                NewHistory = [.. outcome.NewHistory, .. next.NewHistory],
                NewActions = [.. outcome.NewActions.Where(a => a is not ScheduleTaskAction), .. next.NewActions],
                CancelledTimers = [.. outcome.CancelledTimers ?? [], .. next.CancelledTimers ?? []],
            };
        }

        return outcome;
    }

    private Checkpoint ToCheckpoint(
        InstanceRecord instance, EpisodeOutcome outcome, List<HistoryEvent> control, List<long> consumed, bool suspended, DateTime now)
    {
        var history = control.Concat(outcome.NewHistory).ToList();
        switch (outcome.Status)
        {
            case OrchestrationRuntimeStatus.Completed:
                return new Checkpoint(outcome.Status, outcome.CustomStatus, outcome.Output, null, instance.ExecutionId, history, consumed, [], [],
                    NotifyParent(instance, now, outcome.Output, null));
            case OrchestrationRuntimeStatus.Failed:
                LogInstanceFailed(instance.InstanceId, outcome.Failure?.ToString());
                return new Checkpoint(outcome.Status, outcome.CustomStatus, null, outcome.Failure, instance.ExecutionId, history, consumed, [], [],
                    NotifyParent(instance, now, null, outcome.Failure));
            case OrchestrationRuntimeStatus.ContinuedAsNew:
                var next = outcome.ContinueAsNew!;
                var executionId = Guid.NewGuid().ToString("N");
                var start = new ExecutionStartedEvent(now, instance.Name, instance.Version, executionId, next.Input, instance.Parent);
                var messages = new List<OutgoingMessage> { new(instance.InstanceId, start, now) };
                messages.AddRange(next.CarriedOverEvents.Select(e => new OutgoingMessage(instance.InstanceId, e, now)));
                return new Checkpoint(
                    suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running, outcome.CustomStatus, null, null,
                    executionId, [], consumed, [], [], messages, next.Input);
            default:
                var activities = new List<NewActivity>();
                var children = new List<NewInstance>();
                var timers = new List<OutgoingMessage>();
                var cancelled = outcome.CancelledTimers ?? [];
                foreach (var action in outcome.NewActions)
                {
                    switch (action)
                    {
                        case ScheduleTaskAction task:
                            activities.Add(new NewActivity(task.Id, task.Name, task.Input));
                            break;
                        case CreateTimerAction timer when cancelled.Contains(timer.Id):
                            break; // created and cancelled in this episode: nothing to queue
                        case CreateTimerAction timer:
                            // A timer is one queued message that becomes visible when it fires: any length.
                            timers.Add(new OutgoingMessage(instance.InstanceId, new TimerFiredEvent(timer.FireAt, timer.Id, timer.FireAt), timer.FireAt));
                            break;
                        case CreateSubOrchestrationAction sub:
                            var version = sub.Version ?? registry.NewestVersion(sub.Name) ?? DurableTaskRegistry.DefaultVersion;
                            children.Add(new NewInstance(sub.InstanceId, sub.Name, version, sub.Input, now, new ParentInstance(instance.InstanceId, sub.Id)));
                            break;
                        default:
                            throw new InvalidOperationException($"Unknown action {action.GetType().Name}.");
                    }
                }

                return new Checkpoint(
                    suspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running, outcome.CustomStatus, null, null,
                    instance.ExecutionId, history, consumed, activities, children, timers, CancelledTimers: cancelled);
        }
    }

    // Dispatch kept crashing: the messages go into history for inspection and the instance fails.
    private Checkpoint Park(OrchestrationWorkItem item, DateTime now)
    {
        var instance = item.Instance;
        var failure = new TaskFailureDetails(
            "PoisonMessage",
            $"Dispatching this instance failed {instance.DispatchAttempts - 1} times; its {item.Messages.Count} pending message(s) were parked " +
            $"in its history. Last error: {instance.LastDispatchError ?? "the worker stopped or lost its lease mid-episode"}");
        LogParked(instance.InstanceId, failure.ErrorMessage);
        var history = item.Messages.Select(m => m.Event)
            .Append(new ExecutionCompletedEvent(now, OrchestrationRuntimeStatus.Failed, null, failure)).ToList();
        return new Checkpoint(OrchestrationRuntimeStatus.Failed, instance.CustomStatus, null, failure, instance.ExecutionId, history,
            [.. item.Messages.Select(m => m.SequenceNumber)], [], [], NotifyParent(instance, now, null, failure));
    }

    private static Checkpoint Unchanged(InstanceRecord instance, List<long> consumed) =>
        new(instance.Status, instance.CustomStatus, instance.Output, instance.Failure, instance.ExecutionId, [], consumed, [], [], []);

    private static OrchestrationRuntimeStatus ResumedStatus(InstanceRecord instance) =>
        instance.Status == OrchestrationRuntimeStatus.Suspended ? OrchestrationRuntimeStatus.Running : instance.Status;

    private static List<OutgoingMessage> NotifyParent(InstanceRecord instance, DateTime now, string? output, TaskFailureDetails? failure)
    {
        if (instance.Parent is not { } parent)
        {
            return [];
        }

        HistoryEvent result = failure is null
            ? new SubOrchestrationInstanceCompletedEvent(now, parent.TaskScheduledId, output)
            : new SubOrchestrationInstanceFailedEvent(now, parent.TaskScheduledId, failure);
        return [new OutgoingMessage(parent.InstanceId, result, now)];
    }

    private async Task<int> RunActivitiesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var items = await store.LockActivitiesAsync(_options.Id, Now(), _options.Lease, maxCount, cancellationToken);
        var results = new List<ActivityResult>(items.Count);
        foreach (var item in items)
        {
            if (item.DequeueCount > _options.MaxDispatchAttempts)
            {
                var failure = new TaskFailureDetails("PoisonMessage",
                    $"Activity '{item.Name}' was dispatched {item.DequeueCount - 1} times without finishing (the worker stopped or lost its lease each time); it is parked.");
                LogParked(item.InstanceId, failure.ErrorMessage);
                results.Add(new ActivityResult(item, new TaskFailedEvent(Now(), item.TaskId, failure)));
            }
            else
            {
                results.Add(new ActivityResult(item, await RunActivityAsync(item, cancellationToken)));
            }
        }

        await store.CompleteActivitiesAsync(results, Now(), cancellationToken);
        return items.Count;
    }

    private async Task<HistoryEvent> RunActivityAsync(ActivityWorkItem item, CancellationToken cancellationToken)
    {
        var activity = registry.CreateActivity(item.Name);
        if (activity is null)
        {
            return new TaskFailedEvent(Now(), item.TaskId,
                new TaskFailureDetails("ActivityNotFound", $"No activity named '{item.Name}' is registered with this worker."));
        }

        try
        {
            var input = DurableJson.Deserialize(item.Input, activity.InputType);
            var output = await activity.RunAsync(new TaskActivityContext(item.Name, item.InstanceId, item.TaskId, cancellationToken), input);
            return new TaskCompletedEvent(Now(), item.TaskId, DurableJson.Serialize(output));
        }
#pragma warning disable CA1031 // An activity's exception is its result: it goes back to the orchestrator as TaskFailed.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return new TaskFailedEvent(Now(), item.TaskId, TaskFailureDetails.FromException(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} waits: no orchestrator {Name} version {Version} is registered here")]
    private partial void LogWaitingForVersion(string instanceId, string name, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease on instance {InstanceId}: {Reason}")]
    private partial void LogLeaseLost(string instanceId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching instance {InstanceId} failed (attempt {Attempt}); it will be retried")]
    private partial void LogDispatchFailed(Exception exception, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} failed: {Failure}")]
    private partial void LogInstanceFailed(string instanceId, string? failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked poison work for instance {InstanceId}: {Reason}")]
    private partial void LogParked(string instanceId, string reason);
}
