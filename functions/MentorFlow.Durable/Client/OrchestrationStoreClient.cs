using System.Text;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace MentorFlow.Durable.Client;

/// <summary>
/// The Durable Task SDK's <see cref="DurableTaskClient"/> over an <see cref="IOrchestrationStore"/>: the type the
/// Functions app receives from <c>[DurableClient]</c>, so code that starts, signals and reads orchestrations is the same
/// on one machine. Time comes from the injected <see cref="TimeProvider"/>. Starts, and events, sent at the same moment
/// share one store transaction (group commit), so a day of a district's submissions costs one commit, not thousands.
/// </summary>
public sealed class OrchestrationStoreClient : DurableTaskClient
{
    private readonly IOrchestrationStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly OrchestrationStoreClientOptions _options;
    private readonly GroupCommit<OutgoingMessage> _events;
    private readonly GroupCommit<NewInstance> _starts;

    /// <summary>Creates the client.</summary>
    public OrchestrationStoreClient(IOrchestrationStore store, TimeProvider timeProvider, OrchestrationStoreClientOptions? options = null, string? name = null)
        : base(name ?? Microsoft.Extensions.Options.Options.DefaultName)
    {
        _store = store;
        _timeProvider = timeProvider;
        _options = options ?? new OrchestrationStoreClientOptions();
        _events = new GroupCommit<OutgoingMessage>(QueueEventsAsync);
        _starts = new GroupCommit<NewInstance>(async starts =>
        {
            await _store.TryCreateInstancesAsync(starts, Now(), CancellationToken.None);
            return new Exception?[starts.Count]; // an unfinished instance with the id is kept, which is no failure
        });
    }

    /// <inheritdoc/>
    /// <remarks>Starting an id that names an unfinished instance leaves that instance as it is and returns its id.</remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        var now = Now();
        var startAt = options?.StartAt is { } at ? at.UtcDateTime : now;
        var started = new ExecutionStartedEvent(-1, SerializePayload(input, nameof(input)))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            ScheduledStartTime = options?.StartAt is null ? null : startAt,
            Timestamp = now,
        };
        await _starts.SendAsync(new NewInstance(started, startAt), cancellation);
        return instanceId;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No instance has that id.</exception>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ValidateInstanceId(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var now = Now();
        var raised = new EventRaisedEvent(-1, SerializePayload(eventPayload, nameof(eventPayload))) { Name = eventName, Timestamp = now };
        return _events.SendAsync(new OutgoingMessage(instanceId, raised, now), cancellation);
    }

    // The store queues a batch all or none: events for missing instances are refused and the rest go again.
    private async Task<IReadOnlyList<Exception?>> QueueEventsAsync(IReadOnlyList<OutgoingMessage> events)
    {
        var outcomes = new Exception?[events.Count];
        var pending = Enumerable.Range(0, events.Count).ToList();
        while (pending.Count > 0)
        {
            var missing = (await _store.EnqueueMessagesAsync([.. pending.Select(i => events[i])], CancellationToken.None)).ToHashSet(StringComparer.Ordinal);
            if (missing.Count == 0)
            {
                break;
            }

            foreach (var i in pending.Where(i => missing.Contains(events[i].InstanceId)))
            {
                outcomes[i] = new InvalidOperationException(
                    $"No orchestration instance '{events[i].InstanceId}' exists to receive event '{(events[i].Event as EventRaisedEvent)?.Name}'.");
            }

            pending = [.. pending.Where(i => !missing.Contains(events[i].InstanceId))];
        }

        return outcomes;
    }

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, status => status != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, status => status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated, cancellation);

    /// <inheritdoc/>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new ExecutionTerminatedEvent(-1, SerializePayload(options?.Output, nameof(options))), cancellation);

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendControlAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ValidateInstanceId(instanceId);
        return await _store.GetInstanceAsync(instanceId, cancellation) is { } instance ? ToMetadata(instance, getInputsAndOutputs) : null;
    }

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var query = new InstanceQuery(
            filter?.Statuses?.Select(ToCore).ToList(),
            filter?.CreatedFrom?.UtcDateTime,
            filter?.CreatedTo?.UtcDateTime,
            filter?.InstanceIdPrefix,
            Math.Clamp(filter?.PageSize ?? OrchestrationQuery.DefaultPageSize, 1, 1000));
        var withPayloads = filter?.FetchInputsAndOutputs ?? false;
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var page = await _store.QueryInstancesAsync(query with { ContinuationToken = continuation ?? filter?.ContinuationToken, PageSize = pageSize ?? query.PageSize }, cancellation);
            return new Page<OrchestrationMetadata>([.. page.Instances.Select(instance => ToMetadata(instance, withPayloads))], page.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ValidateInstanceId(instanceId);
        return new PurgeResult(await _store.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0);
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var finished = filter.Statuses?.Select(ToCore).ToList() ?? [CoreStatus.Completed, CoreStatus.Failed, CoreStatus.Terminated];
        var purged = 0;
        string? continuation = null;
        do
        {
            var page = await _store.QueryInstancesAsync(new InstanceQuery(finished, filter.CreatedFrom?.UtcDateTime, filter.CreatedTo?.UtcDateTime, PageSize: 500, ContinuationToken: continuation), cancellation);
            foreach (var instance in page.Instances)
            {
                purged += await _store.PurgeInstanceAsync(instance.InstanceId, cancellation) ? 1 : 0;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return new PurgeResult(purged);
    }

    /// <inheritdoc/>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ValidateInstanceId(instanceId);
        return [.. await _store.GetHistoryAsync(instanceId, cancellation)];
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationMetadata> WaitAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationRuntimeStatus, bool> reached, CancellationToken cancellation)
    {
        while (true)
        {
            var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
            if (reached(instance.RuntimeStatus))
            {
                return instance;
            }

            await Task.Delay(_options.Poll, _timeProvider, cancellation);
        }
    }

    private async Task SendControlAsync(string instanceId, HistoryEvent control, CancellationToken cancellation)
    {
        ValidateInstanceId(instanceId);
        var now = Now();
        control.Timestamp = now;
        if (!await _store.EnqueueMessageAsync(instanceId, control, now, cancellation))
        {
            throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
        }
    }

    private OrchestrationMetadata ToMetadata(InstanceRecord instance, bool withPayloads) => new(instance.Name, instance.InstanceId)
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)instance.Status,
        CreatedAt = new DateTimeOffset(instance.CreatedAt, TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(instance.LastUpdatedAt, TimeSpan.Zero),
        SerializedInput = withPayloads ? instance.Input : null,
        SerializedOutput = withPayloads ? instance.Output : null,
        SerializedCustomStatus = instance.CustomStatus,
        FailureDetails = instance.Failure is { } failure ? SdkFailure.Of(failure) : null,
        DataConverter = DataConverter,
    };


    private static CoreStatus ToCore(OrchestrationRuntimeStatus status) => (CoreStatus)status;

    private DataConverter DataConverter => _options.DataConverter ?? DurableJson.Converter;

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;

    private void ValidateInstanceId(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (instanceId.Length > _options.MaxInstanceIdLength)
        {
            throw new ArgumentException($"Instance id is {instanceId.Length} characters; at most {_options.MaxInstanceIdLength} are allowed.", nameof(instanceId));
        }

        if (instanceId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            throw new ArgumentException($"Instance id '{instanceId}' contains a control character or one of / \\ # ?.", nameof(instanceId));
        }
    }

    private string? SerializePayload(object? payload, string parameterName)
    {
        var json = DataConverter.Serialize(payload);
        var bytes = json is null ? 0 : Encoding.UTF8.GetByteCount(json);
        if (bytes > _options.MaxPayloadBytes)
        {
            throw new ArgumentException($"The payload is {bytes} bytes as JSON; at most {_options.MaxPayloadBytes} are allowed.", parameterName);
        }

        return json;
    }
}
