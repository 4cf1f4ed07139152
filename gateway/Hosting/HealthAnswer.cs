using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// A health report as JSON, each named check with its status:
/// <c>{"status":"Unhealthy","checks":{"postgres":{"status":"Unhealthy","description":"PostgreSQL does not answer",…}}}</c>.
/// The status code is the health checks middleware's (200 healthy or degraded, 503 unhealthy). Never an
/// exception's message: the probes are anonymous.
/// </summary>
public static class HealthAnswer
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
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
