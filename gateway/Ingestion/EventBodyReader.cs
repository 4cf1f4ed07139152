using System.Text;
using System.Text.Json;
using Customer360.Domain.Events;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Reads a body of events — a JSON array, or NDJSON (one event per line) — element by element, so a large batch
/// is never held as one document. In NDJSON a line that is not JSON is rejected alone; in an array, broken
/// JSON makes the body malformed, since nothing after it can be located.
/// </summary>
public static class EventBodyReader
{
    public static async Task<EventBatch> ReadAsync(Stream body, bool ndjson, int maxEvents, DateTimeOffset now, CancellationToken ct)
    {
        var batch = new EventBatch();
        if (ndjson) await ReadLinesAsync(body, batch, maxEvents, now, ct);
        else await ReadArrayAsync(body, batch, maxEvents, now, ct);
        return batch;
    }

    private static async Task ReadArrayAsync(Stream body, EventBatch batch, int maxEvents, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, topLevelValues: false, cancellationToken: ct))
                Add(batch, element, maxEvents, now);
        }
        catch (JsonException ex)
        {
            // A path into the array means the array started and broke at an element; otherwise the body was
            // never an array at all.
            throw new MalformedBodyException(ex.Path?.StartsWith("$[", StringComparison.Ordinal) == true
                ? $"the body is not valid JSON at event {batch.Count}: {ex.Message}"
                : $"the body must be a JSON array of events, or NDJSON sent as application/x-ndjson: {ex.Message}");
        }
    }

    private static async Task ReadLinesAsync(Stream body, EventBatch batch, int maxEvents, DateTimeOffset now, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonElement element;
            try
            {
                using var doc = JsonDocument.Parse(line);
                element = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                CheckCount(batch, maxEvents);
                batch.Rejected.Add(new RejectedEvent(batch.Count++, null, $"line is not valid JSON: {ex.Message}"));
                continue;
            }
            Add(batch, element, maxEvents, now);
        }
    }

    private static void Add(EventBatch batch, JsonElement element, int maxEvents, DateTimeOffset now)
    {
        CheckCount(batch, maxEvents);
        var index = batch.Count++;
        var parsed = EventParser.Parse(element, now);
        if (parsed.Event is { } e) batch.Valid.Add((index, e));
        else batch.Rejected.Add(new RejectedEvent(index, parsed.EventId, parsed.Error!));
    }

    private static void CheckCount(EventBatch batch, int maxEvents)
    {
        if (batch.Count >= maxEvents)
            throw new MalformedBodyException($"a request may hold at most {maxEvents} events", StatusCodes.Status413PayloadTooLarge);
    }
}
