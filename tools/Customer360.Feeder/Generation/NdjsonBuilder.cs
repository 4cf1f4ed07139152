using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Generation;

/// <summary>
/// Writes events as NDJSON lines straight into a byte buffer (no object model per event: a million customers
/// and tens of thousands of events a second must not be paid for in garbage).
/// </summary>
public sealed class NdjsonBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly Utf8JsonWriter _writer;

    public NdjsonBuilder() => _writer = new Utf8JsonWriter(_buffer);

    public int Count { get; private set; }

    public int Bytes => _buffer.WrittenCount;

    /// <summary>Starts an event and its payload object; write the payload fields, then call <see cref="End"/>.</summary>
    public Utf8JsonWriter Begin(string eventId, string customerId, string type, DateTimeOffset occurredAt)
    {
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        _writer.WriteString("eventId", eventId);
        _writer.WriteString("customerId", customerId);
        _writer.WriteString("occurredAt", occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        _writer.WriteString("type", type);
        _writer.WriteStartObject("payload");
        return _writer;
    }

    public void End()
    {
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        _buffer.Write("\n"u8);
        Count++;
    }

    /// <summary>Adds a line that is already an event (from a file), as it is.</summary>
    public void AddLine(ReadOnlySpan<byte> line)
    {
        _buffer.Write(line);
        _buffer.Write("\n"u8);
        Count++;
    }

    /// <summary>The events written so far, as one request body; the builder starts empty again.</summary>
    public Batch Take()
    {
        var batch = new Batch(_buffer.WrittenSpan.ToArray(), Count);
        _buffer.ResetWrittenCount();
        Count = 0;
        return batch;
    }
}
