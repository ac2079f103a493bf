using MentorFlow.Durable.Worker;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// A checkpoint's JSON, made before the writer lock is taken: its new history events as one JSON array, each queued
/// message's event, and its failure.
/// </summary>
internal sealed record CheckpointPayloads(string History, IReadOnlyList<string> Messages, string? Failure)
{
    public static CheckpointPayloads Of(Checkpoint checkpoint) => new(
        HistoryJson.SerializeAll(checkpoint.NewHistory),
        [.. checkpoint.Messages.Select(message => HistoryJson.Serialize(message.Event))],
        HistoryJson.SerializeFailure(checkpoint.Failure));
}
