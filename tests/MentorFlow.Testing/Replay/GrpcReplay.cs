using DurableTask.Core.History;
using Google.Protobuf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using P = Microsoft.DurableTask.Protobuf;

namespace MentorFlow.Testing.Replay;

/// <summary>
/// Replays a recorded history through <see cref="GrpcOrchestrationRunner"/>, the worker-side path Durable Functions'
/// isolated worker runs an orchestration trigger through: the history goes in as a base64 protobuf request and the
/// actions come back as a base64 protobuf response.
/// </summary>
public static class GrpcReplay
{
    /// <summary>
    /// Replays <paramref name="history"/> as past events, then delivers <paramref name="arrivals"/> as one new episode at
    /// the time of the last recorded episode (as the engine's <c>HistoryReplay</c> does); returns the actions the
    /// orchestrator asked for. <paramref name="options"/> are the worker's (data converter, timer interval).
    /// </summary>
    public static IReadOnlyList<ReplayedAction> Replay(ITaskOrchestrator orchestrator, IEnumerable<HistoryEvent> history, IEnumerable<HistoryEvent> arrivals, DurableTaskWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(arrivals);
        var past = history.ToList();
        var news = arrivals.ToList();
        var started = past.Concat(news).OfType<ExecutionStartedEvent>().LastOrDefault()
            ?? throw new ArgumentException("A replay needs the event that started its execution.", nameof(history));
        var episode = past.OfType<OrchestratorStartedEvent>().LastOrDefault()?.Timestamp ?? default;
        var request = new P.OrchestratorRequest
        {
            InstanceId = started.OrchestrationInstance?.InstanceId ?? string.Empty,
            ExecutionId = started.OrchestrationInstance?.ExecutionId,
            PastEvents = { past.Select(ProtoHistory.Of) },
            NewEvents = { ProtoHistory.Of(new OrchestratorStartedEvent(-1) { Timestamp = episode }) },
        };
        request.NewEvents.Add(news.Select(ProtoHistory.Of));

        // The runner builds its shims from the services' factory, so the orchestrator sees the worker's options.
        using var services = new ServiceCollection().AddSingleton(new DurableTaskShimFactory(options)).BuildServiceProvider();
        var encoded = GrpcOrchestrationRunner.LoadAndRun(Convert.ToBase64String(request.ToByteArray()), orchestrator, services);
        var response = P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded));
        return [.. response.Actions.Select(ReplayedAction.Of)];
    }
}
