using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// A health report as JSON: <c>{"status":"Unhealthy","checks":{"postgres":{"status":"Unhealthy","description":…}}}</c>,
/// 200 when healthy (or degraded), 503 otherwise, as the health checks middleware answers. Never an exception's
/// message: the probes are anonymous. The gateway's probes and the silo's management listener answer alike.
/// </summary>
public static class HealthAnswer
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }
}
