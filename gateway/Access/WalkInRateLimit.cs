using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Access;

/// <summary>
/// The walk-in route's rate limit: each staff member (by user name) records at most
/// <see cref="AccessOptions.WalkInsPerMinute"/> walk-ins a minute, refused ones included, so nobody can sweep
/// numbers at the counter. Over it: 429 with Retry-After, and the refusal is audited. Per gateway process.
/// </summary>
public sealed class WalkInRateLimit(IOptions<AccessOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "walk-ins";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.User.FindFirstValue(ClaimTypes.Name) ?? "", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.WalkInsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.AuditDenied("", $"more than {options.Value.WalkInsPerMinute} walk-ins a minute");
        var problem = Results.Problem(title: "Too many walk-ins",
            detail: $"at most {options.Value.WalkInsPerMinute} walk-ins a minute per staff member; retry after {seconds} s",
            statusCode: StatusCodes.Status429TooManyRequests);
        await problem.ExecuteAsync(http);
    }
}
