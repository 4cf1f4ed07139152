using Customer360.Contracts.Hosting;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Api;

/// <summary><c>POST /api/v1/events</c>: the usage and business feed.</summary>
public static partial class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestAsync)
            .WithName("PostEvents")
            .WithSummary("Ingest a batch of events (JSON array, or NDJSON as application/x-ndjson).")
            .WithDescription("Each event is validated alone: a bad event is listed under rejected with its index, id and reason, and the rest land. " +
                "The answer comes only after every accepted event is durable. A repeated eventId counts as a duplicate and is applied once. " +
                "Producers authenticate with an X-Api-Key header (Auth:Producers) or a bearer token of role ingest. " +
                "Each event must lie within the caller's grants (usage, master-data, store-systems with its stores); " +
                "an event outside them is rejected alone with the reason. " +
                "503 with Retry-After: the store is unavailable, or Ingest:MaxConcurrentRequests requests are in flight on this gateway; nothing of the request is acknowledged.")
            .Accepts<object[]>("application/json", "application/x-ndjson")
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Roles.IngestPolicy)
            .RequireRateLimiting(IngestConcurrencyLimit.Policy);
        return app;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, EventIngestor ingestor, IOptions<IngestOptions> options,
        [FromKeyedServices(Clocks.Business)] TimeProvider time, ILoggerFactory loggers, AuditLog audit, IngestMetrics metrics)
    {
        var limits = options.Value;
        // The size as sent; a body of unknown length is counted as it is read.
        CountingReadStream? counted = null;
        if (http.Request.ContentLength is { } length) metrics.BodyRead(length);
        else http.Request.Body = counted = new CountingReadStream(http.Request.Body);
        if (http.Request.ContentLength > limits.MaxBodyBytes)
            return TooLarge(limits);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limits.MaxBodyBytes;

        var ndjson = http.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true
            || http.Request.ContentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true;
        var tally = new IngestTally();
        var gate = ProducerGate.For(http.User);
        var body = EventBodyReader.ReadAsync(http.Request.Body, ndjson, limits.MaxEvents, time.GetUtcNow(), http.RequestAborted);
        try
        {
            var unreadable = await IngestInChunksAsync(body, gate, ingestor, tally, limits.ChunkEvents, limits.InteractiveMaxEvents);
            // Counted as answered (200, or 400/413 with what was stored before the body broke), never on a 503.
            metrics.Answered(tally);
            return unreadable is null ? Results.Ok(tally.ToResponse()) : Unreadable(unreadable, tally, limits);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUnavailable(loggers.CreateLogger(typeof(EventsEndpoints).FullName!), ex);
            http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "The event store is unavailable",
                detail: "Nothing in this request is acknowledged. Send it again: events that did land will be reported as duplicates.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            if (counted is not null) metrics.BodyRead(counted.BytesRead);
            // Whatever became of the rest of the request, an attempt outside the grants is a denial worth keeping.
            if (gate.Denial(TimeProvider.System.GetUtcNow()) is { } denial)
            {
                audit.Record(denial);
                LogOutsideGrants(loggers.CreateLogger(typeof(EventsEndpoints).FullName!), gate.Producer.Name, gate.Refused);
            }
        }
    }

    /// <summary>
    /// Reads the body and ingests it chunk by chunk: the next chunk is read while the previous one is being
    /// stored, and only one chunk is in the grains at a time, so a customer's events arrive in body order.
    /// A request whose events all fit in one chunk of at most <paramref name="interactiveMaxEvents"/> goes in the
    /// interactive lane. Returns the reason the body stopped being readable, if it did; a storage failure throws.
    /// </summary>
    private static async Task<Exception?> IngestInChunksAsync(IAsyncEnumerable<BodyItem> body, ProducerGate gate, EventIngestor ingestor,
        IngestTally tally, int chunkEvents, int interactiveMaxEvents)
    {
        var sentChunks = false;
        var chunk = new List<BodyItem>(chunkEvents);
        // When the chunk's first event was read (real time): the push lag is measured from it.
        var arrivedAt = TimeProvider.System.GetUtcNow();
        var inFlight = Task.CompletedTask;
        try
        {
            await foreach (var item in body)
            {
                if (item.Rejection is { } rejection)
                {
                    tally.Reject(rejection, RejectReasons.Invalid);
                    continue;
                }
                if (!gate.Admits(item, tally)) continue;
                if (chunk.Count == 0) arrivedAt = TimeProvider.System.GetUtcNow();
                chunk.Add(item);
                if (chunk.Count < chunkEvents) continue;
                await inFlight;
                inFlight = ingestor.IngestAsync(chunk, tally, arrivedAt);
                sentChunks = true;
                chunk = new List<BodyItem>(chunkEvents);
            }
        }
        catch (Exception ex) when (ex is MalformedBodyException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await inFlight;
            return ex;
        }
        await inFlight;
        if (chunk.Count > 0) await ingestor.IngestAsync(chunk, tally, arrivedAt, interactive: !sentChunks && chunk.Count <= interactiveMaxEvents);
        return null;
    }

    // Reading stopped part-way: what was stored before that point stays stored, and the answer says how much, so
    // the producer knows that sending the corrected batch again is safe (those events come back as duplicates).
    private static IResult Unreadable(Exception ex, IngestTally tally, IngestOptions limits)
    {
        var (status, detail) = ex is MalformedBodyException m ? (m.Status, m.Message) : (StatusCodes.Status413PayloadTooLarge, TooLargeDetail(limits));
        var stored = tally.ToResponse();
        if (stored.Accepted + stored.Duplicates + stored.Held > 0)
            detail += $"; events read before that point were stored ({stored.Accepted} accepted, {stored.Duplicates} duplicates, {stored.Held} held) " +
                "and come back as duplicates if sent again";
        return Results.Problem(title: status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request body cannot be read",
            detail: detail, statusCode: status,
            extensions: new Dictionary<string, object?> { ["accepted"] = stored.Accepted, ["duplicates"] = stored.Duplicates, ["held"] = stored.Held });
    }

    private static IResult TooLarge(IngestOptions limits) =>
        Results.Problem(title: "The request body is too large", detail: TooLargeDetail(limits), statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string TooLargeDetail(IngestOptions limits) =>
        $"a request may carry at most {limits.MaxBodyBytes} bytes and {limits.MaxEvents} events; split the batch";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Producer {Producer} sent {Count} events outside its grants; they were rejected")]
    private static partial void LogOutsideGrants(ILogger logger, string producer, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events could not be stored; the producer is answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception ex);
}
