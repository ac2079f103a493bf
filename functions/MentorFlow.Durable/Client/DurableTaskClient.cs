using System.Runtime.CompilerServices;
using System.Text;
using MentorFlow.Durable.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable;

/// <summary>
/// Starts, signals, inspects and manages orchestration instances. Same names and meaning as
/// Microsoft.DurableTask's <c>DurableTaskClient</c>. Bad input is refused with an
/// <see cref="ArgumentException"/> naming the parameter, and nothing is written.
/// </summary>
public sealed class DurableTaskClient(IOrchestrationStore store, DurableTaskRegistry registry, TimeProvider timeProvider, DurableTaskClientOptions? options = null)
{
    private readonly DurableTaskClientOptions _options = options ?? new DurableTaskClientOptions();

    /// <summary>
    /// Schedules a new instance of <paramref name="orchestratorName"/> and returns its id. Starting
    /// an id that is pending, running or suspended starts nothing and returns the id; a finished
    /// instance with that id is replaced.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ScheduleNewOrchestrationInstancesAsync([new NewOrchestration(orchestratorName, input, options)], cancellationToken))[0];

    /// <summary>
    /// Schedules many new instances in one transaction, all or none when one is refused, and returns their ids in order;
    /// each as <see cref="ScheduleNewOrchestrationInstanceAsync"/> would.
    /// </summary>
    public async Task<IReadOnlyList<string>> ScheduleNewOrchestrationInstancesAsync(IReadOnlyList<NewOrchestration> orchestrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestrations);
        var now = Now();
        var instances = orchestrations.Select(o => ToNewInstance(o, now)).ToList();
        await store.TryCreateInstancesAsync(instances, now, cancellationToken);
        return [.. instances.Select(i => i.InstanceId)];
    }

    // Checks one start as the caller gave it and makes it the store's record. The exceptions name the parameters of
    // ScheduleNewOrchestrationInstanceAsync, which is how callers of either method know what they got wrong.
#pragma warning disable CA2208
    private NewInstance ToNewInstance(NewOrchestration orchestration, DateTime now)
    {
        var (orchestratorName, input, options) = orchestration;
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var version = options?.Version ?? registry.NewestVersion(orchestratorName)
            ?? throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        var orchestrator = registry.CreateOrchestrator(orchestratorName, version)
            ?? throw new ArgumentException($"Orchestrator '{orchestratorName}' has no version '{version}'.", nameof(options));
        if (input is null && orchestrator.InputType.IsValueType && Nullable.GetUnderlyingType(orchestrator.InputType) is null)
        {
            throw new ArgumentNullException(nameof(input), $"Orchestrator '{orchestratorName}' needs an input of type {orchestrator.InputType.Name}.");
        }

        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ValidateInstanceId(instanceId);
        var serialized = SerializePayload(input, nameof(input));
        var startAt = options?.StartAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : now;
        return new NewInstance(instanceId, orchestratorName, version, serialized, startAt);
    }
#pragma warning restore CA2208

    /// <summary>
    /// Sends the external event <paramref name="eventName"/> to an instance. It is stored durably and
    /// delivered in order: to a waiting orchestrator, or buffered until one waits (also while the
    /// instance is pending or suspended). Throws when no such instance exists.
    /// </summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var payload = SerializePayload(eventPayload, nameof(eventPayload));
        var now = Now();
        if (!await store.EnqueueMessageAsync(instanceId, new EventRaisedEvent(now, eventName, payload), now, cancellationToken))
        {
            throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists to receive event '{eventName}'.");
        }
    }

    /// <summary>
    /// Sends many external events in one transaction (a simulation's day, an import): all are queued, or,
    /// when an instance does not exist, none is and the exception names the missing ids.
    /// </summary>
    public async Task RaiseEventsAsync(IReadOnlyList<RaisedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = Now();
        var messages = new List<OutgoingMessage>(events.Count);
        foreach (var raised in events)
        {
            ValidateInstanceId(raised.InstanceId);
            ArgumentException.ThrowIfNullOrWhiteSpace(raised.EventName, nameof(events));
            messages.Add(new OutgoingMessage(raised.InstanceId, new EventRaisedEvent(now, raised.EventName, SerializePayload(raised.Payload, nameof(events))), now));
        }

        var missing = await store.EnqueueMessagesAsync(messages, cancellationToken);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No orchestration instance {string.Join(", ", missing.Take(10).Select(id => $"'{id}'"))}{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")} exists; none of the {events.Count} events was sent.");
        }
    }

    /// <summary>The instance's status, custom status, input and output; null when it does not exist.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        return await store.GetInstanceAsync(instanceId, cancellationToken) is { } instance ? instance.ToMetadata() : null;
    }

    /// <summary>One page of instances matching <paramref name="query"/>.</summary>
    public Task<OrchestrationPage> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000, nameof(query));
        return store.QueryInstancesAsync(query, cancellationToken);
    }

    /// <summary>Every instance matching <paramref name="query"/>, fetched page by page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = await GetInstancesPageAsync(query ?? new OrchestrationQuery(), cancellationToken);
        while (true)
        {
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            page = await GetInstancesPageAsync((query ?? new OrchestrationQuery()) with { ContinuationToken = page.ContinuationToken }, cancellationToken);
        }
    }

    /// <summary>Waits until the instance completes, fails or is terminated, looking on the injected clock's schedule.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var interval = _options.CompletionPollInterval ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
            if (instance.IsCompleted)
            {
                return instance;
            }

            await Task.Delay(interval, timeProvider, cancellationToken);
        }
    }

    /// <summary>Ends a running instance with status Terminated; its pending work is dropped.</summary>
    public Task TerminateInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new ExecutionTerminatedEvent(Now(), reason), cancellationToken);

    /// <summary>Pauses an instance: it runs no step, and events wait, until resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new ExecutionSuspendedEvent(Now(), reason), cancellationToken);

    /// <summary>Resumes a suspended instance; what arrived meanwhile is applied in order.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendControlAsync(instanceId, new ExecutionResumedEvent(Now(), reason), cancellationToken);

    /// <summary>Deletes a finished instance and its history.</summary>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        return new PurgeResult(await store.PurgeInstanceAsync(instanceId, cancellationToken) ? 1 : 0);
    }

    /// <summary>The current execution's history events, in order.</summary>
    public Task<IReadOnlyList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        return store.GetHistoryAsync(instanceId, cancellationToken);
    }

    private async Task SendControlAsync(string instanceId, HistoryEvent control, CancellationToken cancellationToken)
    {
        ValidateInstanceId(instanceId);
        if (!await store.EnqueueMessageAsync(instanceId, control, control.Timestamp, cancellationToken))
        {
            throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
        }
    }

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;

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
        var json = DurableJson.Serialize(payload);
        var bytes = json is null ? 0 : Encoding.UTF8.GetByteCount(json);
        if (bytes > _options.MaxPayloadBytes)
        {
            throw new ArgumentException($"The payload is {bytes} bytes as JSON; at most {_options.MaxPayloadBytes} are allowed.", parameterName);
        }

        return json;
    }
}
