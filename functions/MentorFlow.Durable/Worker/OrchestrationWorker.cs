using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdkWorker = Microsoft.DurableTask.Worker.Hosting.DurableTaskWorker;

namespace MentorFlow.Durable.Worker;

/// <summary>
/// Runs the Durable Task SDK's orchestrators and activities registered with <c>AddDurableTaskWorker</c> over an
/// <see cref="IOrchestrationStore"/>. Replay is DurableTask.Core's: each episode feeds the SDK's shims to a
/// <see cref="TaskOrchestrationExecutor"/>, as Durable Functions does; ours is the dispatch around it. Each episode's
/// <see cref="OrchestratorStartedEvent"/> is stamped from the injected <see cref="TimeProvider"/>, so a virtual clock moves
/// orchestrations through time. Batches: one lease transaction and one checkpoint transaction for many instances.
/// Hosted, it polls; <see cref="ProcessAllDueAsync"/> runs what is due now (a step of a simulation or a test).
/// </summary>
public sealed partial class OrchestrationWorker : SdkWorker
{
    private readonly IOrchestrationStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceProvider _services;
    private readonly OrchestrationWorkerOptions _options;
    private readonly DurableTaskShimFactory _shims;
    private readonly ILogger _logger;
    private readonly OrchestrationSessionCache? _sessions;

    /// <summary>Creates the worker; the SDK's worker builder calls this with the registered tasks' factory.</summary>
    public OrchestrationWorker(
        string? name,
        IDurableTaskFactory factory,
        IOrchestrationStore store,
        TimeProvider timeProvider,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        IOptionsMonitor<DurableTaskWorkerOptions> sdkOptions,
        IEnumerable<OrchestrationWorkerRegistration> registrations)
        : base(name, factory)
    {
        ArgumentNullException.ThrowIfNull(sdkOptions);
        ArgumentNullException.ThrowIfNull(registrations);
        _store = store;
        _timeProvider = timeProvider;
        _services = services;
        _options = registrations.LastOrDefault(r => r.Name == Name)?.Options ?? new OrchestrationWorkerOptions();
        _shims = new DurableTaskShimFactory(sdkOptions.Get(Name), loggerFactory);
        _logger = loggerFactory.CreateLogger<OrchestrationWorker>();
        _sessions = _options.ExtendedSessions ? _options.Sessions ?? new OrchestrationSessionCache() : null;
    }

    /// <summary>The orchestrators and activities this worker runs, by name.</summary>
    public IDurableTaskFactory Tasks => Factory;

    /// <summary>The worker loops it runs when hosted.</summary>
    public int Loops => Math.Max(1, _options.Loops);

    /// <summary>
    /// Processes up to <paramref name="maxItems"/> work items that are due now, in batches that each cost one
    /// lease transaction and one checkpoint transaction; returns how many it processed.
    /// </summary>
    public Task<int> ProcessDueAsync(int maxItems, CancellationToken cancellationToken = default) => ProcessDueAsync(_options.Id, maxItems, cancellationToken);

    /// <summary>Processes work until nothing is due now; returns how many items it processed.</summary>
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

    /// <summary>Releases what crashed processes of this machine had leased, then starts the worker loops.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ReleaseCrashedLeasesAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Loops).Select(loop => Task.Run(() => PollAsync($"{_options.Id}:{loop}", stoppingToken), stoppingToken)));

    // What a crashed process of this machine had leased is due again now, not when its leases would run out.
    private async Task ReleaseCrashedLeasesAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await _store.ReleaseLeasesOfGoneWorkersAsync(GoneWorkers.IsGone, stoppingToken) is > 0 and var released)
            {
                LogCrashedLeasesReleased(released);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Leases that cannot be released now still run out by themselves: the worker starts anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreFailed(ex, _options.Id, 1);
        }
    }

    private async Task PollAsync(string workerId, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int processed;
            try
            {
                processed = await ProcessDueAsync(workerId, 100, stoppingToken);
                if (failures > 0)
                {
                    // What this loop had leased when the store failed under it is due again now: between batches the loop
                    // holds nothing, and on a virtual clock that stands still those leases would never run out.
                    var released = await _store.ReleaseLeasesOfGoneWorkersAsync(holder => string.Equals(holder, workerId, StringComparison.Ordinal), stoppingToken);
                    LogStoreBack(workerId, failures, released);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A full or read-only disk must not stop the host: the loop waits and tries again, losing nothing it had not committed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                LogStoreFailed(ex, workerId, failures);
                processed = 0;
            }

            if (processed == 0)
            {
                try
                {
                    await Task.Delay(failures == 0 ? _options.IdlePoll : Backoff(failures), _timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Doubles from the idle poll up to half a minute, so a store that comes back is used again soon.
    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, _options.IdlePoll.Ticks << Math.Min(failures, 16)));

    private async Task<int> ProcessDueAsync(string workerId, int maxItems, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var processed = 0;
        while (processed < maxItems && !cancellationToken.IsCancellationRequested)
        {
            var episodes = await RunEpisodesAsync(workerId, Math.Min(maxItems - processed, _options.BatchSize), cancellationToken);
            processed += episodes;
            var activities = processed < maxItems
                ? await RunActivitiesAsync(workerId, Math.Min(maxItems - processed, _options.BatchSize), cancellationToken)
                : 0;
            processed += activities;
            if (episodes + activities == 0)
            {
                break;
            }
        }

        return processed;
    }

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;

    private async Task<int> RunEpisodesAsync(string workerId, int maxCount, CancellationToken cancellationToken)
    {
        var now = Now();
        var items = await _store.LockOrchestrationsAsync(workerId, now, _options.Lease, maxCount, _sessions, cancellationToken);
        var done = new List<EpisodeCheckpoint>(items.Count);
        var live = new Dictionary<string, OrchestrationSession>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            try
            {
                var (checkpoint, session, waiting) = item.Instance.DispatchAttempts > _options.MaxDispatchAttempts
                    ? (Park(item, now), null, null)
                    : await EpisodeAsync(item, now, cancellationToken);
                if (checkpoint is null)
                {
                    LogWaiting(item.Instance.InstanceId, waiting);
                    await _store.AbandonOrchestrationAsync(item, new AbandonReason(null, waiting), now + _options.OrchestratorRetryDelay, cancellationToken);
                }
                else
                {
                    done.Add(new EpisodeCheckpoint(item, checkpoint));
                    if (session is not null && checkpoint.Status is OrchestrationStatus.Running or OrchestrationStatus.Suspended)
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
                await _store.AbandonOrchestrationAsync(item, new AbandonReason($"{ex.GetType().FullName}: {ex.Message}", null), now + _options.RetryDelay, cancellationToken);
            }
        }

        var lost = await _store.CompleteOrchestrationsAsync(done, now, cancellationToken);
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
                var length = (checkpoint.ExecutionId == item.Instance.ExecutionId ? item.HistoryLength : 0) + checkpoint.NewHistory.Count;
                _sessions?.Put(id, checkpoint.ExecutionId, length, session);
            }
        }

        return items.Count;
    }

    // A null checkpoint and a reason when the instance cannot run yet: it waits. The session is the live orchestrator
    // after the episode, when it may be kept.
    private async Task<(Checkpoint? Checkpoint, OrchestrationSession? Session, string? Waiting)> EpisodeAsync(OrchestrationWorkItem item, DateTime now, CancellationToken cancellationToken)
    {
        var instance = item.Instance;
        var consumed = item.Messages.Select(m => m.SequenceNumber).ToList();
        if (instance.IsFinished)
        {
            // Nothing reaches a finished instance: its late messages are only consumed.
            return (new Checkpoint(instance.Status, instance.CustomStatus, instance.Output, instance.Failure, instance.ExecutionId, [], consumed, [], [], []), null, null);
        }

        var session = _sessions?.TryTake(instance.InstanceId, instance.ExecutionId, item.HistoryLength);
        if (session is null)
        {
            var history = item.History;
            if (item.HistoryOmitted)
            {
                // The cache let its session go between the lease and now: read the history after all.
                history = await _store.GetHistoryAsync(instance.InstanceId, cancellationToken);
            }

            // A new instance's parent is known only from the start message it has not played yet.
            var starting = item.Messages.Select(m => m.Event).OfType<ExecutionStartedEvent>().FirstOrDefault()?.ParentInstance;
            session = Replayable(new OrchestrationRuntimeState([.. history]), instance.Name, starting);
            if (session is null)
            {
                return (null, null, $"Waiting for a worker that has orchestrator '{instance.Name}': deploy a version of the app that registers it and the instance continues.");
            }

            session.Track(history);
        }

        var state = session.RuntimeState;
        state.NewEvents.Clear();
        var arrived = Arrivals(item, state);
        var outcome = new EpisodeOutcome(now);
        if (state.ExecutionStartedEvent is null && arrived.Count == 0)
        {
            // Events raised before a scheduled start: they wait, unconsumed, until the start is due.
            return (null, null, "Waiting for its scheduled start; events raised to it meanwhile are kept.");
        }

        if (arrived.Count == 0)
        {
            return (ToCheckpoint(instance, state, outcome, consumed), session, null);
        }

        state.AddEvent(outcome.Stamp(new OrchestratorStartedEvent(-1)));
        foreach (var arrival in arrived)
        {
            state.AddEvent(arrival);
        }

        while (true)
        {
            var result = session.Run();
            var next = outcome.Apply(result, state);
            if (next is not null)
            {
                // Continued as new: the next execution starts in this same episode, from a fresh orchestrator.
                session = Replayable(next, instance.Name) ?? throw new InvalidOperationException($"Orchestrator '{instance.Name}' is no longer registered.");
                state = next;
                continue;
            }

            outcome.TakeNewEvents(state);
            if (!_options.InlineActivities || state.OrchestrationStatus != OrchestrationStatus.Running || outcome.Activities.Count == 0)
            {
                break;
            }

            // Inline: run the calls now and feed their results back in, until the orchestrator asks for none.
            var calls = outcome.Activities.ToList();
            outcome.Activities.Clear();
            state.AddEvent(outcome.Stamp(new OrchestratorStartedEvent(-1)));
            foreach (var call in calls)
            {
                var work = new ActivityWorkItem(0, instance.InstanceId, state.OrchestrationInstance!.ExecutionId, call.TaskId, call.Name, call.Input, 1, _options.Id);
                state.AddEvent(await RunActivityAsync(work, cancellationToken));
            }
        }

        if (state.OrchestrationStatus == OrchestrationStatus.Failed)
        {
            LogInstanceFailed(instance.InstanceId, state.FailureDetails?.ErrorType);
        }

        session.Track(outcome.History);
        var cancelled = session.TakeCancelledTimers();
        session.ForgetPlayedEvents();
        // A timer created and cancelled in this same episode is simply not queued.
        outcome.Messages.RemoveAll(m => m.Event is TimerFiredEvent fired && cancelled.Contains(fired.TimerId) && m.InstanceId == instance.InstanceId);
        return (ToCheckpoint(instance, state, outcome, consumed) with { CancelledTimers = cancelled }, session, null);
    }

    // A session that replays the given state from its start, or null when this worker lacks the orchestrator.
    private OrchestrationSession? Replayable(OrchestrationRuntimeState state, string name, ParentInstance? starting = null)
    {
        var taskName = new TaskName(name);
        if (!Factory.TryCreateOrchestrator(taskName, _services, out var orchestrator))
        {
            return null;
        }

        var parent = (state.ParentInstance ?? starting) is { } p ? new ParentOrchestrationInstance(new TaskName(p.Name), p.OrchestrationInstance.InstanceId) : null;
        var shim = _shims.CreateOrchestration(taskName, orchestrator, parent);
        return new OrchestrationSession(state, s => new TaskOrchestrationExecutor(s, shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails));
    }

    // The messages' events to add: the start first, starts of replaced executions and repeated starts dropped.
    private static List<HistoryEvent> Arrivals(OrchestrationWorkItem item, OrchestrationRuntimeState state)
    {
        var arrivals = new List<HistoryEvent>(item.Messages.Count);
        foreach (var message in item.Messages)
        {
            if (message.Event is ExecutionStartedEvent started)
            {
                if (state.ExecutionStartedEvent is null && string.Equals(started.OrchestrationInstance.ExecutionId, item.Instance.ExecutionId, StringComparison.Ordinal))
                {
                    arrivals.Insert(0, started);
                }

                continue;
            }

            arrivals.Add(message.Event);
        }

        return state.ExecutionStartedEvent is null && (arrivals.Count == 0 || arrivals[0] is not ExecutionStartedEvent) ? [] : arrivals;
    }

    private static Checkpoint ToCheckpoint(InstanceRecord instance, OrchestrationRuntimeState state, EpisodeOutcome outcome, List<long> consumed)
    {
        var status = state.OrchestrationStatus;
        var completed = state.ExecutionCompletedEvent;
        return new Checkpoint(
            status,
            state.Status ?? instance.CustomStatus,
            completed?.Result,
            completed?.FailureDetails,
            state.OrchestrationInstance!.ExecutionId,
            outcome.History,
            consumed,
            outcome.Activities,
            outcome.Children,
            outcome.Messages,
            outcome.NewExecution ? state.Input : null);
    }

    // Dispatch kept crashing: the messages go into history for inspection and the instance fails.
    private Checkpoint Park(OrchestrationWorkItem item, DateTime now)
    {
        var instance = item.Instance;
        var failure = new FailureDetails(
            "PoisonMessage",
            $"Dispatching this instance failed {instance.DispatchAttempts - 1} times; its {item.Messages.Count} pending message(s) were parked " +
            $"in its history. Last error: {instance.LastDispatchError ?? "the worker stopped or lost its lease mid-episode"}",
            null,
            null,
            isNonRetriable: true);
        LogParked(instance.InstanceId, failure.ErrorMessage);
        var outcome = new EpisodeOutcome(now);
        outcome.History.AddRange(item.Messages.Select(m => m.Event));
        outcome.History.Add(outcome.Stamp(new ExecutionCompletedEvent(-1, null, OrchestrationStatus.Failed, failure)));
        if (instance.Parent is { } parent)
        {
            outcome.Messages.Add(new OutgoingMessage(parent.InstanceId, outcome.Stamp(new SubOrchestrationInstanceFailedEvent(-1, parent.TaskScheduleId, failure.ErrorMessage, null, failure)), now));
        }

        return new Checkpoint(OrchestrationStatus.Failed, instance.CustomStatus, null, failure, instance.ExecutionId, outcome.History,
            [.. item.Messages.Select(m => m.SequenceNumber)], [], [], outcome.Messages);
    }

    private async Task<int> RunActivitiesAsync(string workerId, int maxCount, CancellationToken cancellationToken)
    {
        var items = await _store.LockActivitiesAsync(workerId, Now(), _options.Lease, maxCount, cancellationToken);
        var results = new List<ActivityResult>(items.Count);
        foreach (var item in items)
        {
            if (item.DequeueCount > _options.MaxDispatchAttempts)
            {
                var message = $"Activity '{item.Name}' was dispatched {item.DequeueCount - 1} times without finishing (the worker stopped or lost its lease each time); it is parked.";
                LogParked(item.InstanceId, message);
                var failure = new FailureDetails("PoisonMessage", message, null, null, isNonRetriable: true);
                results.Add(new ActivityResult(item, new TaskFailedEvent(-1, item.TaskId, message, null, failure) { Timestamp = Now() }));
            }
            else
            {
                results.Add(new ActivityResult(item, await RunActivityAsync(item, cancellationToken)));
            }
        }

        await _store.CompleteActivitiesAsync(results, Now(), cancellationToken);
        return items.Count;
    }

    private async Task<HistoryEvent> RunActivityAsync(ActivityWorkItem item, CancellationToken cancellationToken)
    {
        var name = new TaskName(item.Name);
        HistoryEvent result;
        if (!Factory.TryCreateActivity(name, _services, out var activity))
        {
            var message = $"No activity named '{item.Name}' is registered with this worker.";
            result = new TaskFailedEvent(-1, item.TaskId, message, null, new FailureDetails("ActivityNotFound", message, null, null, isNonRetriable: true));
        }
        else
        {
            var context = new TaskContext(new OrchestrationInstance { InstanceId = item.InstanceId, ExecutionId = item.ExecutionId }, item.Name, null, item.TaskId);
            try
            {
                var output = await _shims.CreateActivity(name, activity).RunAsync(context, item.Input);
                result = new TaskCompletedEvent(-1, item.TaskId, output);
            }
#pragma warning disable CA1031 // An activity's exception is its result: it goes back to the orchestrator as TaskFailed.
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                result = new TaskFailedEvent(-1, item.TaskId, ex.Message, null, new FailureDetails(ex));
            }
        }

        result.Timestamp = Now();
        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Worker loop {WorkerId} could not reach the engine store ({Failures} times in a row); it waits and tries again")]
    private partial void LogStoreFailed(Exception exception, string workerId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} leases held by worker processes of this machine that have ended")]
    private partial void LogCrashedLeasesReleased(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker loop {WorkerId} reaches the engine store again after {Failures} failures; it released the {Released} leases it held when the store failed")]
    private partial void LogStoreBack(string workerId, int failures, int released);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} waits: {Reason}")]
    private partial void LogWaiting(string instanceId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease on instance {InstanceId}: {Reason}")]
    private partial void LogLeaseLost(string instanceId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatching instance {InstanceId} failed (attempt {Attempt}); it will be retried")]
    private partial void LogDispatchFailed(Exception exception, string instanceId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} failed: {ErrorType}")]
    private partial void LogInstanceFailed(string instanceId, string? errorType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked poison work for instance {InstanceId}: {Reason}")]
    private partial void LogParked(string instanceId, string reason);
}
