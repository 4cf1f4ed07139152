using Customer360.Contracts.Hosting;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Ingestion;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Api;

/// <summary><c>POST /api/v1/events</c>: the usage and business feed.</summary>
public static class EventsEndpoints
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestAsync)
            .WithName("PostEvents")
            .WithSummary("Ingest a batch of events (JSON array, or NDJSON as application/x-ndjson).")
            .WithDescription("Each event is validated alone: a bad event is listed under rejected with its index, id and reason, and the rest land. " +
                "The answer comes only after every accepted event is durable. A repeated eventId counts as a duplicate and is applied once. " +
                "Producers authenticate with an X-Api-Key header (Auth:IngestApiKeys) or a bearer token of role ingest.")
            .Accepts<object[]>("application/json", "application/x-ndjson")
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Roles.IngestPolicy);
        return app;
    }

    private static async Task<IResult> IngestAsync(HttpContext http, EventIngestor ingestor, IOptions<IngestOptions> options,
        [FromKeyedServices(Clocks.Business)] TimeProvider time)
    {
        var limits = options.Value;
        if (http.Request.ContentLength > limits.MaxBodyBytes)
            return TooLarge(limits);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limits.MaxBodyBytes;

        var ndjson = http.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true
            || http.Request.ContentType?.Contains("jsonl", StringComparison.OrdinalIgnoreCase) == true;
        EventBatch batch;
        try
        {
            batch = await EventBodyReader.ReadAsync(http.Request.Body, ndjson, limits.MaxEvents, time.GetUtcNow(), http.RequestAborted);
        }
        catch (MalformedBodyException ex)
        {
            return Results.Problem(title: "The request body cannot be read", detail: ex.Message, statusCode: ex.Status);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }

        try
        {
            return Results.Ok(await ingestor.IngestAsync(batch));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "The event store is unavailable",
                detail: "Nothing in this request is acknowledged. Send it again: events that did land will be reported as duplicates.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static IResult TooLarge(IngestOptions limits) =>
        Results.Problem(title: "The request body is too large",
            detail: $"a request may carry at most {limits.MaxBodyBytes} bytes and {limits.MaxEvents} events; split the batch",
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
