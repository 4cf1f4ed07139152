using Customer360.Contracts;
using Customer360.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360.Testing;

/// <summary>
/// A silo with the production wiring (<see cref="SiloHostingExtensions.AddCustomer360Silo"/>) on real loopback
/// sockets: PostgreSQL clustering, storage, reminders and journal.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The management listener (<c>/health/live</c>, <c>/health/ready</c>) on 127.0.0.1.</summary>
    public Uri ManagementAddress { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    private TestSilo(IHost host, int siloPort, int gatewayPort, int managementPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        ManagementAddress = new Uri($"http://127.0.0.1:{managementPort}");
    }

    public static async Task<TestSilo> StartAsync(TestDatabase db, string clusterId, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var managementPort = FreePort.Next();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        builder.Configuration.AddInMemoryCollection(TestCertificates.Cluster.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Customer360"] = db.SiloConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
            ["Storage:ApplySchemaOnStart"] = "false",
            // Load shedding watches the whole machine's CPU, which the test run's parallel builds and silos share: it
            // would refuse test traffic at random. Tests of shedding set Overload:* themselves.
            ["Overload:LoadShedding"] = "false",
            // In process: a stop that overruns must not end the test run with it.
            ["Shutdown:EndProcess"] = "false",
            // The retention job runs when a test asks for it (IRetentionGrain.RunNow), not two minutes into any test.
            ["Retention:FirstRunDelay"] = "1.00:00:00",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCustomer360Silo();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            // A silo refused by the cluster (or misconfigured) must not keep its ports and timers for the rest of the run.
            try { await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* never started */ }
            host.Dispose();
            throw;
        }
        return new TestSilo(host, siloPort, gatewayPort, managementPort);
    }

    /// <summary>Graceful stop: activations deactivate (and write their snapshots) and the silo leaves the cluster.</summary>
    public Task StopAsync() => _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch (Exception) { /* already stopped */ }
        _host.Dispose();
    }
}
