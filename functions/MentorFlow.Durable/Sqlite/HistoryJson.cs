using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// How the SQLite store writes DurableTask.Core's history events and failure details: compact camel-case JSON with a
/// <c>type</c> field (the store's SQL reads <c>type</c> and a timer's <c>timerId</c>). Only the fields replay needs are
/// kept; tracing context and tags are not stored.
/// </summary>
public static class HistoryJson
{
    // Payloads travel inside events as JSON strings; the relaxed encoder writes their quotes as \" rather than \u0022.
    // Events are only read back as JSON, never placed in a page.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one event.</summary>
    public static string Serialize(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, historyEvent);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes events as one JSON array, in order.</summary>
    public static string SerializeAll(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var historyEvent in events)
            {
                Write(writer, historyEvent);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one event.</summary>
    public static HistoryEvent Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Readable(() => Read(document.RootElement));
    }

    /// <summary>Reads a JSON array of events, in order.</summary>
    public static IReadOnlyList<HistoryEvent> DeserializeAll(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A history episode is not a JSON array.");
        }

        var events = new List<HistoryEvent>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            events.Add(Readable(() => Read(element)));
        }

        return events;
    }

    /// <summary>Writes failure details (with their inner failures); null stays null.</summary>
    public static string? SerializeFailure(FailureDetails? failure)
    {
        if (failure is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteFailure(writer, failure);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads failure details; null stays null.</summary>
    public static FailureDetails? DeserializeFailure(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return ReadFailure(document.RootElement);
    }

    // A stored event missing a field or holding a wrong value is unreadable JSON to the store, like malformed text.
    private static HistoryEvent Readable(Func<HistoryEvent> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new JsonException($"A stored history event cannot be read: {ex.Message}", ex);
        }
    }

    private static void Write(Utf8JsonWriter w, HistoryEvent e)
    {
        w.WriteStartObject();
        w.WriteString("type", e.EventType.ToString());
        if (e.EventId != -1)
        {
            w.WriteNumber("eventId", e.EventId);
        }

        w.WriteString("timestamp", e.Timestamp);
        switch (e)
        {
            case ExecutionStartedEvent started:
                w.WriteString("name", started.Name);
                w.WriteString("version", started.Version);
                w.WriteString("instanceId", started.OrchestrationInstance?.InstanceId);
                w.WriteString("executionId", started.OrchestrationInstance?.ExecutionId);
                Text(w, "input", started.Input);
                if (started.ScheduledStartTime is { } startAt)
                {
                    w.WriteString("scheduledStartTime", startAt);
                }

                if (started.ParentInstance is { } parent)
                {
                    w.WriteStartObject("parent");
                    w.WriteString("instanceId", parent.OrchestrationInstance?.InstanceId);
                    w.WriteString("executionId", parent.OrchestrationInstance?.ExecutionId);
                    w.WriteString("name", parent.Name);
                    w.WriteString("version", parent.Version);
                    w.WriteNumber("taskScheduleId", parent.TaskScheduleId);
                    w.WriteEndObject();
                }

                break;
            case ExecutionCompletedEvent completed:
                w.WriteString("status", completed.OrchestrationStatus.ToString());
                Text(w, "result", completed.Result);
                Failure(w, completed.FailureDetails);
                break;
            case ExecutionTerminatedEvent terminated:
                Text(w, "input", terminated.Input);
                break;
            case ExecutionSuspendedEvent suspended:
                Text(w, "reason", suspended.Reason);
                break;
            case ExecutionResumedEvent resumed:
                Text(w, "reason", resumed.Reason);
                break;
            case TaskScheduledEvent scheduled:
                w.WriteString("name", scheduled.Name);
                Text(w, "version", scheduled.Version);
                Text(w, "input", scheduled.Input);
                break;
            case TaskCompletedEvent completed:
                w.WriteNumber("taskScheduledId", completed.TaskScheduledId);
                Text(w, "result", completed.Result);
                break;
            case TaskFailedEvent failed:
                w.WriteNumber("taskScheduledId", failed.TaskScheduledId);
                Text(w, "reason", failed.Reason);
                Text(w, "details", failed.Details);
                Failure(w, failed.FailureDetails);
                break;
            case SubOrchestrationInstanceCreatedEvent created:
                w.WriteString("name", created.Name);
                Text(w, "version", created.Version);
                w.WriteString("instanceId", created.InstanceId);
                Text(w, "input", created.Input);
                break;
            case SubOrchestrationInstanceCompletedEvent completed:
                w.WriteNumber("taskScheduledId", completed.TaskScheduledId);
                Text(w, "result", completed.Result);
                break;
            case SubOrchestrationInstanceFailedEvent failed:
                w.WriteNumber("taskScheduledId", failed.TaskScheduledId);
                Text(w, "reason", failed.Reason);
                Text(w, "details", failed.Details);
                Failure(w, failed.FailureDetails);
                break;
            case TimerCreatedEvent created:
                w.WriteString("fireAt", created.FireAt);
                break;
            case TimerFiredEvent fired:
                w.WriteNumber("timerId", fired.TimerId);
                w.WriteString("fireAt", fired.FireAt);
                break;
            case EventRaisedEvent raised:
                w.WriteString("name", raised.Name);
                Text(w, "input", raised.Input);
                break;
            case EventSentEvent sent:
                w.WriteString("instanceId", sent.InstanceId);
                w.WriteString("name", sent.Name);
                Text(w, "input", sent.Input);
                break;
            case GenericEvent generic:
                Text(w, "data", generic.Data);
                break;
            case OrchestratorStartedEvent or OrchestratorCompletedEvent:
                break;
            default:
                throw new NotSupportedException($"History event {e.EventType} cannot be stored by this engine.");
        }

        w.WriteEndObject();
    }

    private static HistoryEvent Read(JsonElement j)
    {
        var type = Enum.Parse<EventType>(j.GetProperty("type").GetString()!);
        var eventId = j.TryGetProperty("eventId", out var id) ? id.GetInt32() : -1;
        HistoryEvent e = type switch
        {
            EventType.ExecutionStarted => new ExecutionStartedEvent(eventId, Text(j, "input"))
            {
                Name = Text(j, "name"),
                Version = Text(j, "version"),
                OrchestrationInstance = new OrchestrationInstance { InstanceId = Text(j, "instanceId"), ExecutionId = Text(j, "executionId") },
                ScheduledStartTime = j.TryGetProperty("scheduledStartTime", out var startAt) ? startAt.GetDateTime() : null,
                ParentInstance = j.TryGetProperty("parent", out var parent)
                    ? new ParentInstance
                    {
                        OrchestrationInstance = new OrchestrationInstance { InstanceId = Text(parent, "instanceId"), ExecutionId = Text(parent, "executionId") },
                        Name = Text(parent, "name"),
                        Version = Text(parent, "version"),
                        TaskScheduleId = parent.GetProperty("taskScheduleId").GetInt32(),
                    }
                    : null,
            },
            EventType.ExecutionCompleted => new ExecutionCompletedEvent(eventId, Text(j, "result"), Enum.Parse<OrchestrationStatus>(Text(j, "status")!), Failure(j)),
            EventType.ExecutionTerminated => new ExecutionTerminatedEvent(eventId, Text(j, "input")),
            EventType.ExecutionSuspended => new ExecutionSuspendedEvent(eventId, Text(j, "reason")),
            EventType.ExecutionResumed => new ExecutionResumedEvent(eventId, Text(j, "reason")),
            EventType.TaskScheduled => new TaskScheduledEvent(eventId, Text(j, "name") ?? string.Empty, Text(j, "version"), Text(j, "input")),
            EventType.TaskCompleted => new TaskCompletedEvent(eventId, j.GetProperty("taskScheduledId").GetInt32(), Text(j, "result")),
            EventType.TaskFailed => new TaskFailedEvent(eventId, j.GetProperty("taskScheduledId").GetInt32(), Text(j, "reason"), Text(j, "details"), Failure(j)),
            EventType.SubOrchestrationInstanceCreated => new SubOrchestrationInstanceCreatedEvent(eventId)
            {
                Name = Text(j, "name"),
                Version = Text(j, "version"),
                InstanceId = Text(j, "instanceId"),
                Input = Text(j, "input"),
            },
            EventType.SubOrchestrationInstanceCompleted =>
                new SubOrchestrationInstanceCompletedEvent(eventId, j.GetProperty("taskScheduledId").GetInt32(), Text(j, "result")),
            EventType.SubOrchestrationInstanceFailed => new SubOrchestrationInstanceFailedEvent(
                eventId, j.GetProperty("taskScheduledId").GetInt32(), Text(j, "reason"), Text(j, "details"), Failure(j)),
            EventType.TimerCreated => new TimerCreatedEvent(eventId, j.GetProperty("fireAt").GetDateTime()),
            EventType.TimerFired => new TimerFiredEvent(eventId, j.GetProperty("fireAt").GetDateTime()) { TimerId = j.GetProperty("timerId").GetInt32() },
            EventType.EventRaised => new EventRaisedEvent(eventId, Text(j, "input")) { Name = Text(j, "name") },
            EventType.EventSent => new EventSentEvent(eventId) { InstanceId = Text(j, "instanceId"), Name = Text(j, "name"), Input = Text(j, "input") },
            EventType.GenericEvent => new GenericEvent(eventId, Text(j, "data")),
            EventType.OrchestratorStarted => new OrchestratorStartedEvent(eventId),
            EventType.OrchestratorCompleted => new OrchestratorCompletedEvent(eventId),
            _ => throw new NotSupportedException($"History event {type} is not one this engine stores."),
        };
        e.Timestamp = j.GetProperty("timestamp").GetDateTime();
        return e;
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static string? Text(JsonElement j, string name) =>
        j.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Failure(Utf8JsonWriter w, FailureDetails? failure)
    {
        if (failure is not null)
        {
            w.WritePropertyName("failure");
            WriteFailure(w, failure);
        }
    }

    private static FailureDetails? Failure(JsonElement j) => j.TryGetProperty("failure", out var failure) ? ReadFailure(failure) : null;

    private static void WriteFailure(Utf8JsonWriter w, FailureDetails failure)
    {
        w.WriteStartObject();
        w.WriteString("errorType", failure.ErrorType);
        w.WriteString("errorMessage", failure.ErrorMessage);
        Text(w, "stackTrace", failure.StackTrace);
        if (failure.IsNonRetriable)
        {
            w.WriteBoolean("isNonRetriable", true);
        }

        if (failure.InnerFailure is { } inner)
        {
            w.WritePropertyName("innerFailure");
            WriteFailure(w, inner);
        }

        w.WriteEndObject();
    }

    private static FailureDetails ReadFailure(JsonElement j) => new(
        Text(j, "errorType") ?? "Unknown",
        Text(j, "errorMessage") ?? string.Empty,
        Text(j, "stackTrace"),
        j.TryGetProperty("innerFailure", out var inner) ? ReadFailure(inner) : null,
        j.TryGetProperty("isNonRetriable", out var nonRetriable) && nonRetriable.GetBoolean());
}
