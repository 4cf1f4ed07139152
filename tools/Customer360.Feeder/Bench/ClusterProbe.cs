using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Customer360.Feeder.Bench;

/// <summary>
/// An Orleans client that finds the cluster through the PostgreSQL membership table, as gateways do, to ask
/// the silos how many customer grains are active (<see cref="IManagementGrain"/>), and the silo's resident
/// memory from <c>/proc/PID/status</c>. Like every Orleans client of the cluster it talks mutual TLS, with the
/// certificate and CA named by the environment (<c>Cluster__Tls__CertificatePath</c>, <c>Cluster__Tls__CaPath</c>, ...).
/// </summary>
public sealed class ClusterProbe : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterProbe(IHost host) => _host = host;

    public static async Task<ClusterProbe> ConnectAsync(string connectionString, string clusterId, string serviceId, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; });
            client.UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; });
            client.UseCustomer360Tls(builder.Configuration);
        });
        var host = builder.Build();
        // A refused TLS handshake makes the client retry without end; the timeout token bounds it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token).WaitAsync(TimeSpan.FromSeconds(65), ct);
        return new ClusterProbe(host);
    }

    /// <summary>Active customer grains across all silos, and the grain type names counted (for the report).</summary>
    public async Task<(long Count, string Types)> CustomerActivationsAsync()
    {
        var management = _host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var stats = await management.GetSimpleGrainStatistics();
        // The type is the grain class's name, possibly with its assembly ("…Customers.CustomerGrain,Customer360.Grains").
        var customers = stats.Where(s => s.GrainType.Contains(".CustomerGrain", StringComparison.Ordinal)).ToList();
        return customers.Count > 0
            ? (customers.Sum(s => (long)s.ActivationCount), string.Join(", ", customers.Select(s => s.GrainType).Distinct()))
            : (0, "none matched; types seen: " + string.Join(", ", stats.Select(s => s.GrainType).Distinct()));
    }

    /// <summary>VmRSS of process <paramref name="pid"/> in bytes, or null when it cannot be read.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            // "VmRSS:\t   4233572 kB": a tab, then padding that disappears once the number is eight digits long.
            var kb = line?.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1];
            return kb is null ? null : long.Parse(kb, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return null; }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* best effort */ }
        _host.Dispose();
    }
}
