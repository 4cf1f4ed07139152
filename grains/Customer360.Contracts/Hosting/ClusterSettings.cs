using Microsoft.Extensions.Configuration;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// Where the cluster is and who this silo is. Bound from configuration section <c>Cluster</c>; silo and gateway
/// must agree on <see cref="ClusterId"/> and <see cref="ServiceId"/>.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Name of the deployment; silos and gateways with the same id form one cluster. Default <c>customer360</c>.</summary>
    public string ClusterId { get; set; } = "customer360";

    /// <summary>Stable name of the service; keys grain state and reminders. Never change it on live data. Default <c>customer360</c>.</summary>
    public string ServiceId { get; set; } = "customer360";

    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port gateways (Orleans clients) connect to. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and gateways reach this silo at. Default 127.0.0.1.</summary>
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    /// <summary>Returns the problems with these settings, naming each setting; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId)) yield return "Cluster:ClusterId must not be empty";
        if (string.IsNullOrWhiteSpace(ServiceId)) yield return "Cluster:ServiceId must not be empty";
        if (SiloPort is < 1 or > 65535) yield return $"Cluster:SiloPort {SiloPort} is not a port number";
        if (GatewayPort is < 1 or > 65535) yield return $"Cluster:GatewayPort {GatewayPort} is not a port number";
        if (SiloPort == GatewayPort) yield return "Cluster:SiloPort and Cluster:GatewayPort must differ";
        if (!System.Net.IPAddress.TryParse(AdvertisedIPAddress, out _))
            yield return $"Cluster:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address";
    }

    /// <summary>Binds and validates; throws naming every bad setting.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var problems = settings.Validate().ToList();
        return problems.Count == 0 ? settings : throw new InvalidOperationException(string.Join("; ", problems));
    }
}
