namespace Customer360.Gateway.Hosting;

/// <summary>Readiness probes and the answer to a store outage (section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long a readiness check waits for PostgreSQL or the cluster before calling it down. Default 2 seconds.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c>, in seconds, of a 503 answered because PostgreSQL or the cluster is down. Default 5.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
