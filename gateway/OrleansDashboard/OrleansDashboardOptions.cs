namespace Customer360.Gateway.OrleansDashboard;

/// <summary>
/// Orleans' own dashboard (silos, grains, calls, latency, reminders) served by the gateway to administrators.
/// Bound from configuration section <c>OrleansDashboard</c>.
/// </summary>
public sealed class OrleansDashboardOptions
{
    public const string Section = "OrleansDashboard";

    /// <summary>Serve the dashboard. Default true; the silos must have it on too (same setting) or its pages stay empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where it is served. Default <c>/orleans-dashboard</c>; must start with a slash, and not be under /api or /hubs.</summary>
    public string Path { get; set; } = "/orleans-dashboard";

    /// <summary>
    /// How long the browser cookie made by <c>POST /api/v1/orleans-dashboard/session</c> lasts (never beyond the
    /// administrator's own token). Default 30 minutes; at most 8 hours.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Path.StartsWith('/') || Path.Length < 2 || Path.EndsWith('/') || Path.Contains('?') || Path.Contains('#'))
            yield return $"{Section}:Path must start with '/', hold a segment and not end with '/' (got '{Path}')";
        else if (Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || Path.StartsWith("/hubs/", StringComparison.OrdinalIgnoreCase)
            || Path is "/api" or "/hubs" or "/health" || Path.StartsWith("/health/", StringComparison.OrdinalIgnoreCase))
            yield return $"{Section}:Path must not be under /api, /hubs or /health (got '{Path}')";
        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime > TimeSpan.FromHours(8))
            yield return $"{Section}:SessionLifetime must be above zero and at most 8 hours (got {SessionLifetime})";
    }
}
