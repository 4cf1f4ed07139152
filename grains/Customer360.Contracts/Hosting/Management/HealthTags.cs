namespace Customer360.Contracts.Hosting.Management;

/// <summary>Tags of the silo's and the gateway's health checks.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the process takes work: <c>GET /health/ready</c>.</summary>
    public const string Ready = "ready";
}
