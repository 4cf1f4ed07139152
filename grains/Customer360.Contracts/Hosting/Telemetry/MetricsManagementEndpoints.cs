using Customer360.Contracts.Hosting.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// <c>GET /metrics</c> on a management listener: the process's metrics in Prometheus text, anonymous like the rest
/// of the listener, whose protection is where it binds (loopback by default).
/// </summary>
public sealed class MetricsManagementEndpoints(MeterProvider provider) : IManagementEndpoints
{
    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(TelemetryNames.MetricsPath, PrometheusScrape.Handler(endpoints.ServiceProvider, provider));
}
