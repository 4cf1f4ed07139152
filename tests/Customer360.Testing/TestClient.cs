using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Customer360.Testing;

/// <summary>
/// An Orleans client that finds the cluster the way gateways do: through the PostgreSQL membership table, over
/// mutual TLS with the test CA's certificate unless <c>settings</c> name another (<c>Cluster:Tls:*</c>).
/// </summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost _host;

    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    private TestClient(IHost host) => _host = host;

    public static async Task<TestClient> ConnectAsync(TestDatabase db, string clusterId, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestCertificates.Cluster.Settings);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = clusterId; });
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = db.GatewayConnectionString; });
            client.UseCustomer360Tls(builder.Configuration);
            client.Services.AddSerializer(s => s.AddCustomer360Serialization());
        });
        var host = builder.Build();
        // A refused TLS handshake makes the client retry without end; the token bounds it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(65));
        return new TestClient(host);
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* best effort */ }
        _host.Dispose();
    }
}
