using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorFlow.Durable.History;

/// <summary>How the engine writes payloads (inputs, outputs, custom status) and history events as JSON.</summary>
public static class DurableJson
{
    /// <summary>The options every payload and event goes through.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Absent reads back as null, and a year's events and status are mostly empty fields: less to write, store and parse.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // History events carry payloads as JSON strings; the default encoder writes each of their quotes as \u0022 (six
    // bytes, a fifth of a year's history). Events are only ever read back as JSON, never placed in a page, so the
    // relaxed encoder's \" is safe here. Payloads themselves keep the default encoding, which stored records compare by.
    private static readonly JsonSerializerOptions EventOptions = new(Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes a payload; null stays null.</summary>
    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Reads a payload as <paramref name="type"/>; null or empty reads as the type's default.</summary>
    public static object? Deserialize(string? json, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrEmpty(json))
        {
            return type.IsValueType ? Activator.CreateInstance(type) : null;
        }

        return JsonSerializer.Deserialize(json, type, Options);
    }

    /// <summary>Reads a payload as <typeparamref name="T"/>.</summary>
    public static T? Deserialize<T>(string? json) => (T?)Deserialize(json, typeof(T));

    /// <summary>Writes one history event.</summary>
    public static string SerializeEvent(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, EventOptions);

    /// <summary>Writes history events as one JSON array, in order (what <see cref="DeserializeEvents"/> reads).</summary>
    public static string SerializeEvents(IReadOnlyList<HistoryEvent> historyEvents) => JsonSerializer.Serialize(historyEvents, EventOptions);

    /// <summary>Reads a JSON array of history events, in order.</summary>
    public static IReadOnlyList<HistoryEvent> DeserializeEvents(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, Options) is { } events && !events.Contains(null!)
            ? events
            : throw new JsonException("A history episode was empty or held an empty event.");

    /// <summary>Reads one history event.</summary>
    public static HistoryEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("A history event was empty.");
}
