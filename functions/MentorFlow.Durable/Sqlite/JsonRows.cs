using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace MentorFlow.Durable.Sqlite;

/// <summary>
/// Many rows as one JSON array parameter, which a statement reads with <c>json_each</c> (<c>jsonb_each</c> when each row
/// is an array itself): one statement for a whole batch instead of one per row, so the per-statement cost is paid once.
/// </summary>
internal sealed class JsonRows : IDisposable
{
    private const int LargestKeptBuffer = 1 << 20;
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    // Buffers go back for the next batch: a batch's rows grow one to a few hundred kilobytes by doubling.
    private static readonly ConcurrentBag<ArrayBufferWriter<byte>> Buffers = [];
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;

    private JsonRows()
    {
        _buffer = Buffers.TryTake(out var kept) ? kept : new ArrayBufferWriter<byte>(4096);
        _writer = new Utf8JsonWriter(_buffer, WriterOptions);
        _writer.WriteStartArray();
    }

    /// <summary>True when no row was added.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>An array of strings, e.g. instance ids.</summary>
    public static string Of(IEnumerable<string> values)
    {
        using var rows = new JsonRows();
        foreach (var value in values)
        {
            rows.Add(value);
        }

        return rows.Finish();
    }

    /// <summary>An array of numbers, e.g. message sequence numbers.</summary>
    public static string Of(IEnumerable<long> values)
    {
        using var rows = new JsonRows();
        foreach (var value in values)
        {
            rows.IsEmpty = false;
            rows._writer.WriteNumberValue(value);
        }

        return rows.Finish();
    }

    /// <summary>An empty array to add rows to.</summary>
    public static JsonRows Start() => new();

    /// <summary>Adds a string.</summary>
    public void Add(string value)
    {
        IsEmpty = false;
        _writer.WriteStringValue(value);
    }

    /// <summary>
    /// Adds a row <c>[text, number, json]</c>; <paramref name="json"/> is JSON already (an event or an array of them)
    /// and goes in as it is, not re-encoded.
    /// </summary>
    public void Add(string text, long number, string json)
    {
        IsEmpty = false;
        _writer.WriteStartArray();
        _writer.WriteStringValue(text);
        _writer.WriteNumberValue(number);
        _writer.WriteRawValue(json, skipInputValidation: true);
        _writer.WriteEndArray();
    }

    /// <summary>Adds a row <c>[text, number]</c>.</summary>
    public void Add(string text, long number)
    {
        IsEmpty = false;
        _writer.WriteStartArray();
        _writer.WriteStringValue(text);
        _writer.WriteNumberValue(number);
        _writer.WriteEndArray();
    }

    /// <summary>Closes the array and gives its JSON text.</summary>
    public string Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (_buffer.Capacity <= LargestKeptBuffer && Buffers.Count < Environment.ProcessorCount * 4)
        {
            _buffer.ResetWrittenCount();
            Buffers.Add(_buffer);
        }
    }
}
