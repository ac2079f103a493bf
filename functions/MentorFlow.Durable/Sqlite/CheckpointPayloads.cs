using System.Text.Json;
using MentorFlow.Durable.History;
using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// A checkpoint's JSON, made before the writer lock is taken: its new history events as one JSON array, each queued
/// message's event, and its failure.
/// </summary>
internal sealed record CheckpointPayloads(string History, IReadOnlyList<string> Messages, string? Failure)
{
    public static CheckpointPayloads Of(Checkpoint checkpoint) => new(
        DurableJson.SerializeEvents(checkpoint.NewHistory),
        [.. checkpoint.Messages.Select(message => DurableJson.SerializeEvent(message.Event))],
        checkpoint.Failure is null ? null : JsonSerializer.Serialize(checkpoint.Failure, DurableJson.Options));
}
