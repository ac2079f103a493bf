using System.Text.Json;
using MentorFlow.Durable.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Sqlite;

/// <summary>A checkpoint's JSON, made before the writer lock is taken: its history events, queued messages and failure.</summary>
internal sealed record CheckpointPayloads(IReadOnlyList<string> History, IReadOnlyList<string> Messages, string? Failure)
{
    public static CheckpointPayloads Of(Checkpoint checkpoint) => new(
        [.. checkpoint.NewHistory.Select(DurableJson.SerializeEvent)],
        [.. checkpoint.Messages.Select(message => DurableJson.SerializeEvent(message.Event))],
        checkpoint.Failure is null ? null : JsonSerializer.Serialize(checkpoint.Failure, DurableJson.Options));
}
