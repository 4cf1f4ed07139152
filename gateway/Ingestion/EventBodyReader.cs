using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Customer360.Domain.Events;

namespace Customer360.Gateway.Ingestion;

/// <summary>One element of a request body: a valid event, or the reason it was refused, by its position.</summary>
public readonly record struct BodyItem(int Index, CustomerEvent? Event, RejectedEvent? Rejection);

/// <summary>
/// Reads a body of events — a JSON array, or NDJSON (one event per line) — element by element as it arrives,
/// so a large batch is never held whole: the caller ingests it in chunks while the rest is still being read.
/// In NDJSON a line that is not JSON is rejected alone; in an array, broken JSON makes the rest of the body
/// unreadable (<see cref="MalformedBodyException"/>), since nothing after it can be located.
/// </summary>
public static class EventBodyReader
{
    public static IAsyncEnumerable<BodyItem> ReadAsync(Stream body, bool ndjson, int maxEvents, DateTimeOffset now, CancellationToken ct) =>
        ndjson ? ReadLinesAsync(body, maxEvents, now, ct) : ReadArrayAsync(body, maxEvents, now, ct);

    private static async IAsyncEnumerable<BodyItem> ReadArrayAsync(Stream body, int maxEvents, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var index = 0;
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, topLevelValues: false, cancellationToken: ct)
            .GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await elements.MoveNextAsync()) yield break;
            }
            catch (JsonException ex)
            {
                // A path into the array means the array started and broke at an element; otherwise the body was
                // never an array at all.
                throw new MalformedBodyException(ex.Path?.StartsWith("$[", StringComparison.Ordinal) == true
                    ? $"the body is not valid JSON at event {index}: {ex.Message}"
                    : $"the body must be a JSON array of events, or NDJSON sent as application/x-ndjson: {ex.Message}", index);
            }
            yield return Parse(elements.Current, index++, maxEvents, now);
        }
    }

    private static async IAsyncEnumerable<BodyItem> ReadLinesAsync(Stream body, int maxEvents, DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var index = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            CheckCount(index, maxEvents);
            JsonDocument? doc = null;
            string? broken = null;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                broken = $"line is not valid JSON: {ex.Message}";
            }
            if (doc is null)
            {
                yield return new BodyItem(index, null, new RejectedEvent(index, null, broken!));
                index++;
                continue;
            }
            using (doc) yield return Parse(doc.RootElement, index++, maxEvents, now);
        }
    }

    private static BodyItem Parse(JsonElement element, int index, int maxEvents, DateTimeOffset now)
    {
        CheckCount(index, maxEvents);
        var parsed = EventParser.Parse(element, now);
        return parsed.Event is { } e
            ? new BodyItem(index, e, null)
            : new BodyItem(index, null, new RejectedEvent(index, parsed.EventId, parsed.Error!));
    }

    private static void CheckCount(int index, int maxEvents)
    {
        if (index >= maxEvents)
            throw new MalformedBodyException($"a request may hold at most {maxEvents} events", index, StatusCodes.Status413PayloadTooLarge);
    }
}
