namespace Customer360.Grains.Hosting.Management;

/// <summary>Tags of the silo's health checks.</summary>
public static class HealthTags
{
    /// <summary>Checks that must pass before the silo takes work: <c>GET /health/ready</c>.</summary>
    public const string Ready = "ready";
}
