using Customer360.Contracts.Hosting.Telemetry;
using Customer360.Gateway.Auth;
using OpenTelemetry.Metrics;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// <c>GET /metrics</c> on the public port: this gateway's metrics in Prometheus text, for administrators only (401
/// anonymous, 403 other roles). Prometheus itself scrapes the management listener (<see cref="Customer360.Contracts.Hosting.Management.ManagementServer"/>),
/// which needs no token.
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var scrape = PrometheusScrape.Handler(app.ServiceProvider, app.ServiceProvider.GetRequiredService<MeterProvider>());
        // A Delegate, not a RequestDelegate: only route handlers are described in the OpenAPI document.
        app.MapGet(TelemetryNames.MetricsPath, (Delegate)((HttpContext http) => scrape(http)))
            .WithName("GetMetrics")
            .WithSummary("This gateway's metrics in Prometheus text format (administrators).")
            .WithDescription("Counters, gauges and histograms of ingestion, the hub, the audit log, PostgreSQL, Orleans, ASP.NET Core " +
                "and the .NET runtime. No customer data. Prometheus should scrape the management listener (Management:Urls) instead, " +
                "which answers without a token and is not on the public port.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }
}
