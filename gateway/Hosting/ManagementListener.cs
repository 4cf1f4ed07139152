using Customer360.Contracts.Hosting;
using Customer360.Contracts.Hosting.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// The gateway's management listener: anonymous <c>GET /metrics</c> (Prometheus text) and the probes
/// <c>/health/live</c> and <c>/health/ready</c>, on <see cref="ManagementListenerOptions.Urls"/> only. A separate,
/// empty web application rather than more routes on the public port: none of the public pipeline (authentication,
/// rate limits, the dashboard's files) applies, and nothing in <c>Kestrel</c> or <c>urls</c> can move it.
/// </summary>
public sealed partial class ManagementListener(IServiceProvider gateway, IOptions<ManagementListenerOptions> options,
    ILogger<ManagementListener> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses bound, once started (empty when the listener is off).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.UrlList;
        if (urls.Count == 0)
        {
            LogOff(logger);
            return;
        }
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls]);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(gateway.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        var app = builder.Build();
        app.UseRouting();
        var health = gateway.GetRequiredService<HealthCheckService>();
        app.MapGet("/health/live", (RequestDelegate)(http => HealthAnswer.WriteAsync(http, new HealthReport(
            new Dictionary<string, HealthReportEntry>(), TimeSpan.Zero))));
        app.MapGet("/health/ready", (RequestDelegate)(async http =>
            await HealthAnswer.WriteAsync(http, await health.CheckHealthAsync(c => c.Tags.Contains("ready"), http.RequestAborted))));
        app.MapGet(TelemetryNames.MetricsPath, PrometheusScrape.Handler(app.Services, gateway.GetRequiredService<MeterProvider>()));

        await app.StartAsync(cancellationToken);
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        LogListening(logger, string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app) await app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app) await app.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener (metrics, health probes) on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener off (Management:Urls is empty)")]
    private static partial void LogOff(ILogger logger);
}
