using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// The Prometheus exporter's scrape handler as a <see cref="RequestDelegate"/>, for a provider of another container
/// (a management listener serves its host's metrics) and for a route of our own (the gateway's <c>/metrics</c> is
/// a minimal API route, so that it is authorized like the others and listed in the OpenAPI document). The exporter
/// only offers to map a whole route; mapping it on a throwaway route builder hands us the handler it built.
/// </summary>
public static class PrometheusScrape
{
    public static RequestDelegate Handler(IServiceProvider services, MeterProvider provider)
    {
        var routes = new ThrowawayRoutes(services);
        routes.MapPrometheusScrapingEndpoint(TelemetryNames.MetricsPath, provider, configureBranchedPipeline: null, optionsName: null);
        return routes.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Single().RequestDelegate
            ?? throw new InvalidOperationException("the Prometheus exporter mapped no handler");
    }

    private sealed class ThrowawayRoutes(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
