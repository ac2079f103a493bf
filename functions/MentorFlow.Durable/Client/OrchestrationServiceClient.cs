using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreQuery = DurableTask.Core.Query.OrchestrationQuery;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace MentorFlow.Durable.Client;

/// <summary>
/// The Durable Task SDK's <see cref="DurableTaskClient"/> over any DurableTask.Core backend's client interfaces
/// (<see cref="Service.StoreOrchestrationService"/> on SQLite, <c>AzureStorageOrchestrationService</c> on Azure Storage): the
/// same type the app and its tests use on every backend. Queries and purges need the backend's query and purge clients.
/// </summary>
public sealed class OrchestrationServiceClient(IOrchestrationServiceClient client, OrchestrationStoreClientOptions? options = null, string? name = null)
    : DurableTaskClient(name ?? Microsoft.Extensions.Options.Options.DefaultName)
{
    private readonly OrchestrationStoreClientOptions _options = options ?? new OrchestrationStoreClientOptions();

    private DataConverter Converter => _options.DataConverter ?? DurableJson.Converter;

    /// <inheritdoc/>
    /// <remarks>Starting an id that names an unfinished instance leaves that instance as it is and returns its id.</remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        var instance = new OrchestrationInstance { InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"), ExecutionId = Guid.NewGuid().ToString("N") };
        if (await client.GetOrchestrationStateAsync(instance.InstanceId, executionId: null) is { } existing && !IsFinished(existing.OrchestrationStatus))
        {
            return instance.InstanceId;
        }

        await client.CreateTaskOrchestrationAsync(new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, Converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
            },
        });
        return instance.InstanceId;
    }

    /// <inheritdoc/>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, Converter.Serialize(eventPayload)) { Name = eventName });
    }

    /// <inheritdoc/>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return client.ForceTerminateTaskOrchestrationAsync(instanceId, Converter.Serialize(options?.Output));
    }

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return await client.GetOrchestrationStateAsync(instanceId, executionId: null) is { } state ? ToMetadata(state, getInputsAndOutputs) : null;
    }

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, status => status != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, status => IsFinished((CoreStatus)status), cancellation);

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(Microsoft.DurableTask.Client.OrchestrationQuery? filter = null)
    {
        var queries = client as IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException($"{client.GetType().Name} cannot list instances: it has no query client.");
        var withPayloads = filter?.FetchInputsAndOutputs ?? false;
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var result = await queries.GetOrchestrationWithQueryAsync(
                new CoreQuery
                {
                    RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)s).ToList(),
                    CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                    CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                    InstanceIdPrefix = filter?.InstanceIdPrefix,
                    PageSize = pageSize ?? filter?.PageSize ?? Microsoft.DurableTask.Client.OrchestrationQuery.DefaultPageSize,
                    ContinuationToken = continuation ?? filter?.ContinuationToken,
                    FetchInputsAndOutputs = withPayloads,
                },
                cancellation);
            return new Page<OrchestrationMetadata>([.. result.OrchestrationState.Select(state => ToMetadata(state, withPayloads))], result.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (await GetInstancesAsync(instanceId, cancellation: cancellation) is not { IsCompleted: true })
        {
            return new PurgeResult(0); // missing, or not finished: a running instance is never purged
        }

        return new PurgeResult((await Purger.PurgeInstanceStateAsync(instanceId)).DeletedInstanceCount);
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses?.Select(s => (CoreStatus)s).ToList() ?? [CoreStatus.Completed, CoreStatus.Failed, CoreStatus.Terminated];
        var result = await Purger.PurgeInstanceStateAsync(new PurgeInstanceFilter(filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue, filter.CreatedTo?.UtcDateTime, statuses));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IOrchestrationServicePurgeClient Purger => client as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException($"{client.GetType().Name} cannot purge instances: it has no purge client.");

    private static bool IsFinished(CoreStatus status) => status is CoreStatus.Completed or CoreStatus.Failed or CoreStatus.Terminated;

    private Task SendAsync(string instanceId, HistoryEvent message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return client.SendTaskOrchestrationMessageAsync(new TaskMessage { Event = message, OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId } });
    }

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

            // These backends' dispatchers keep real time, so their clients poll in real time too.
            await Task.Delay(_options.Poll, cancellation);
        }
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)state.OrchestrationStatus,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = withPayloads ? state.Input : null,
        SerializedOutput = withPayloads ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } failure ? SdkFailure.Of(failure) : null,
        DataConverter = Converter,
    };
}
