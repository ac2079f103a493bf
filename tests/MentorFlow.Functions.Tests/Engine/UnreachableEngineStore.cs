using DurableTask.Core.History;
using MentorFlow.Durable.Worker;
using MentorFlow.Testing;

namespace MentorFlow.Functions.Tests.Engine;

/// <summary>The app's engine store (our own interface) that refuses raised events while <see cref="Refuses"/> is set, as an engine that cannot be reached would.</summary>
internal sealed class UnreachableEngineStore(IOrchestrationStore inner) : DelegatingOrchestrationStore(inner)
{
    public bool Refuses { get; set; }

    public override Task<bool> EnqueueMessageAsync(string instanceId, HistoryEvent message, DateTime visibleAt, CancellationToken cancellationToken) =>
        Refuses ? throw new IOException("the engine cannot be reached") : Inner.EnqueueMessageAsync(instanceId, message, visibleAt, cancellationToken);

    public override Task<IReadOnlyList<string>> EnqueueMessagesAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken) =>
        Refuses ? throw new IOException("the engine cannot be reached") : Inner.EnqueueMessagesAsync(messages, cancellationToken);
}
