using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MentorFlow.Functions.Hosting;

/// <summary>
/// The engine client the services get under the Azure Functions host, where Durable Functions hands a client to each
/// invocation (<c>[DurableClient]</c>) rather than to the container: every call goes to the client bound to the running
/// invocation by <see cref="EngineClientBinding"/>.
/// </summary>
public sealed class InvocationEngineClient() : DurableTaskClient("invocation")
{
    private static readonly AsyncLocal<DurableTaskClient?> BoundClient = new();

    private static DurableTaskClient Current => BoundClient.Value ?? throw new InvalidOperationException(
        "No Durable client is bound to this invocation: give the function a [DurableClient] DurableTaskClient parameter.");

    /// <summary>Binds <paramref name="client"/> to the calls that follow in this asynchronous flow, until the result is disposed.</summary>
    public static IDisposable Bind(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = BoundClient.Value;
        BoundClient.Value = client;
        return new Unbinding(previous);
    }

    /// <inheritdoc/>
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Current.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    /// <inheritdoc/>
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Current.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc/>
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.TerminateInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc/>
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.SuspendInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc/>
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.ResumeInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc/>
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => Current.GetAllInstancesAsync(filter);

    /// <inheritdoc/>
    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.PurgeInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc/>
    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default) =>
        Current.PurgeAllInstancesAsync(filter, cancellation);

    /// <inheritdoc/>
    public override Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        Current.GetOrchestrationHistoryAsync(instanceId, cancellation);

    /// <inheritdoc/>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class Unbinding(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => BoundClient.Value = previous;
    }
}
