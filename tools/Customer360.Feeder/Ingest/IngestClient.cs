using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Customer360.Feeder.Ingest;

/// <summary>
/// Posts NDJSON batches to <c>POST /api/v1/events</c> and counts the answers into <see cref="RunStats"/>. A 503,
/// a 5xx or a lost connection is retried with the same bytes after <c>Retry-After</c> (or a growing pause), so
/// nothing is lost and nothing is counted twice: what landed before comes back as duplicates.
/// </summary>
public sealed class IngestClient : IDisposable
{
    private const int MaxRejectionsShown = 5;
    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson");
    private readonly HttpClient _http;
    private readonly RunStats _stats;
    private int _rejectionsShown;

    public IngestClient(Uri gateway, string apiKey, int connections, RunStats stats)
    {
        _stats = stats;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(1, connections), PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        // Generous: a large batch on a saturated system can take seconds, and a timeout is answered with a retry.
        _http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(120) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>The producer key from <c>C360_INGEST_KEY</c> — never from the command line, where any process list shows it.</summary>
    public static string ApiKeyFromEnvironment() =>
        Environment.GetEnvironmentVariable("C360_INGEST_KEY") is { Length: > 0 } key
            ? key
            : throw new UsageException("set C360_INGEST_KEY to the key of one of the gateway's Auth:Producers");

    /// <summary>
    /// Posts the batch until it is answered. Once <paramref name="stop"/> fires, a batch that still needs a retry
    /// is given up and counted as abandoned (not acknowledged) rather than retried forever against a stuck system.
    /// Returns how many of its events the gateway accepted (0 when abandoned).
    /// </summary>
    public async Task<int> PostAsync(Batch batch, CancellationToken stop, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ReadOnlyMemoryContent(batch.Body);
                content.Headers.ContentType = Ndjson;
                using var response = await _http.PostAsync("/api/v1/events", content, ct);
                if (response.IsSuccessStatusCode) return await CountAsync(response, batch.Count, Stopwatch.GetElapsedTime(started), ct);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync(ct);
                if (status < 500 && response.StatusCode != HttpStatusCode.RequestTimeout)
                    throw new InvalidOperationException($"the gateway refused a batch of {batch.Count} events with {status}: {Shorten(body)}" +
                        (status == 413 ? " (use a smaller --batch, or raise Ingest:MaxEvents / Ingest:MaxBodyBytes)" : ""));
                wait = response.Headers.RetryAfter?.Delta;
                Warn($"gateway answered {status}; sending the same {batch.Count} events again");
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                wait = null;
                Warn($"gateway unreachable or slow ({ex.GetBaseException().Message}); sending the same {batch.Count} events again");
            }
            if (stop.IsCancellationRequested)
            {
                _stats.Abandoned(batch.Count);
                return 0;
            }
            _stats.Retried();
            try { await Task.Delay(wait ?? TimeSpan.FromSeconds(Math.Min(10, attempt)), stop); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
    }

    private async Task<int> CountAsync(HttpResponseMessage response, int sent, TimeSpan latency, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        var root = doc.RootElement;
        var rejected = root.GetProperty("rejected");
        var accepted = root.GetProperty("accepted").GetInt32();
        _stats.Answered(sent, accepted, root.GetProperty("duplicates").GetInt32(), rejected.GetArrayLength(), latency);
        foreach (var r in rejected.EnumerateArray())
        {
            if (Interlocked.Increment(ref _rejectionsShown) > MaxRejectionsShown) break;
            Warn($"rejected event {r.GetProperty("eventId")}: {r.GetProperty("error")}");
        }
        return accepted;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static void Warn(string message) => Console.Error.WriteLine($"{Environment.NewLine}feeder: {message}");

    public void Dispose() => _http.Dispose();
}
