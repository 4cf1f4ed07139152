using Customer360.Contracts.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360.Contracts.Hosting.Management;

/// <summary>
/// The management listener of a silo or a gateway: <c>GET /health/live</c> (the process runs) and
/// <c>GET /health/ready</c> (the host's checks tagged <see cref="HealthTags.Ready"/>), plus whatever
/// <see cref="IManagementEndpoints"/> the host registers (<c>GET /metrics</c>). A separate, empty web application
/// rather than more routes on a public port: none of a gateway's public pipeline (authentication, rate limits, the
/// dashboard's files) applies, it reads no configuration of its own (no <c>Kestrel</c> section or
/// <c>ASPNETCORE_URLS</c> can move it), and it binds only <paramref name="urls"/> (<c>Management:Urls</c>).
/// </summary>
public sealed partial class ManagementServer(IServiceProvider host, IReadOnlyList<string> urls, ILogger<ManagementServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The addresses bound, once started (empty when the listener is off).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            LogOff(logger);
            return;
        }
        var extensions = host.GetServices<IManagementEndpoints>().ToList();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls]);
        builder.Services.AddRoutingCore();
        // The host's logging, so the listener's errors land where the host's do.
        builder.Services.AddSingleton(host.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        foreach (var extension in extensions) extension.AddServices(builder.Services, host);

        var app = builder.Build();
        app.UseRouting();
        var health = host.GetRequiredService<HealthCheckService>();
        app.MapGet("/health/live", (RequestDelegate)(http => HealthAnswer.WriteAsync(http, new HealthReport(
            new Dictionary<string, HealthReportEntry>(), TimeSpan.Zero))));
        app.MapGet("/health/ready", (RequestDelegate)(async http =>
            await HealthAnswer.WriteAsync(http, await health.CheckHealthAsync(c => c.Tags.Contains(HealthTags.Ready), http.RequestAborted))));
        foreach (var extension in extensions) extension.Map(app);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener (health probes, metrics) on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "Management listener off (Management:Urls is empty)")]
    private static partial void LogOff(ILogger logger);
}
