using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// The bound on event posts in flight on this gateway (<see cref="IngestOptions.MaxConcurrentRequests"/>). When the
/// cluster cannot keep up, requests would otherwise pile up, each holding its chunks, until the grains' 30 s timeout;
/// with it, the first request past the limit is answered 503 with Retry-After at once (no queue), before its body is
/// read, so nothing of it is stored and the producer sends it again later. One limit for every producer: the cluster's
/// capacity is what it protects. Small requests (a declared body of at most <see cref="IngestOptions.InteractiveMaxBodyBytes"/>)
/// have a limit of their own (<see cref="IngestOptions.MaxConcurrentInteractiveRequests"/>): bulk requests filling theirs
/// must not refuse a single event, and a small request holds little.
/// </summary>
public sealed class IngestConcurrencyLimit(IOptions<IngestOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "ingest";

    private const string InteractivePartition = "ingest-interactive";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => IsSmall(httpContext)
        ? RateLimitPartition.GetConcurrencyLimiter(InteractivePartition, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentInteractiveRequests,
            QueueLimit = 0,
        })
        : RateLimitPartition.GetConcurrencyLimiter(Policy, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentRequests,
            QueueLimit = 0,
        });

    private bool IsSmall(HttpContext http) => http.Request.ContentLength is { } length && length <= options.Value.InteractiveMaxBodyBytes;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = options.Value.RetryAfterSeconds;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var (limit, setting) = IsSmall(http)
            ? (options.Value.MaxConcurrentInteractiveRequests, "Ingest:MaxConcurrentInteractiveRequests")
            : (options.Value.MaxConcurrentRequests, "Ingest:MaxConcurrentRequests");
        await Results.Problem(title: "The gateway is busy",
                detail: $"{limit} event requests are being stored already ({setting}); " +
                    $"nothing in this request is acknowledged; send it again in {seconds} seconds",
                statusCode: StatusCodes.Status503ServiceUnavailable)
            .ExecuteAsync(http);
    }
}
