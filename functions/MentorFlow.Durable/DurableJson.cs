using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace MentorFlow.Durable;

/// <summary>How MentorFlow writes payloads (orchestration inputs, outputs, events, custom status) and its stored records as JSON.</summary>
public static class DurableJson
{
    /// <summary>The options every payload goes through: web names, enums by name, nulls left out.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Absent reads back as null, and a year's events and status are mostly empty fields: less to write, store and parse.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The Durable Task SDK's data converter with <see cref="Options"/>: give it to workers and clients alike.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(Options);

    /// <summary>Serializes a payload; null stays null.</summary>
    public static string? Serialize(object? value) => Converter.Serialize(value);

    /// <summary>Reads a payload as <typeparamref name="T"/>; null or empty reads as the default.</summary>
    public static T? Deserialize<T>(string? json) => string.IsNullOrEmpty(json) ? default : Converter.Deserialize<T>(json);
}
