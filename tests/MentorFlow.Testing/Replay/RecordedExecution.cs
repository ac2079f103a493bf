using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using MentorFlow.Durable.Sqlite;

namespace MentorFlow.Testing.Replay;

/// <summary>One finished execution of an instance: its stored history and the messages of its last episode, as the store writes them.</summary>
public sealed record RecordedExecution(JsonElement History, JsonElement LastMessages, OrchestrationStatus EndedAs)
{
    /// <summary>Records DurableTask.Core events in the store's JSON.</summary>
    public static RecordedExecution Of(IEnumerable<HistoryEvent> history, IEnumerable<HistoryEvent> lastMessages, OrchestrationStatus endedAs) =>
        new(JsonDocument.Parse(HistoryJson.SerializeAll(history)).RootElement, JsonDocument.Parse(HistoryJson.SerializeAll(lastMessages)).RootElement, endedAs);

    /// <summary>The history as DurableTask.Core events.</summary>
    public IReadOnlyList<HistoryEvent> Events() => HistoryJson.DeserializeAll(History.GetRawText());

    /// <summary>The last episode's messages as DurableTask.Core events.</summary>
    public IReadOnlyList<HistoryEvent> Messages() => HistoryJson.DeserializeAll(LastMessages.GetRawText());
}
