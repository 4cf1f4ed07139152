using Customer360.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Customer360.Testing;

/// <summary>An Orleans client that finds the cluster the way gateways do: through the PostgreSQL membership table.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost _host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    private TestClient(IHost host) => _host = host;

    public static async Task<TestClient> ConnectAsync(TestDatabase db, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = db.GatewayConnectionString; });
            client.Services.AddSerializer(s => s.AddCustomer360Serialization());
        });
        var host = builder.Build();
        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new TestClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* best effort */ }
        _host.Dispose();
    }
}
