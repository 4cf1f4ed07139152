using Customer360.Contracts.Hosting.Management;

namespace Customer360.Grains.Hosting.Management;

/// <summary>
/// The silo's management listener (section <c>Management</c>): plain HTTP for an orchestrator's probes and, later,
/// a metrics scraper (<see cref="ManagementServer"/>). It carries no customer data but must still stay off public interfaces.
/// </summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    /// <summary>The default: loopback only, one port per host; a second silo on the same host needs its own.</summary>
    public const string DefaultUrls = "http://127.0.0.1:11180";

    /// <summary>
    /// Where the listener binds, as in ASP.NET Core's <c>urls</c> (several separated by <c>;</c>). Default
    /// <see cref="DefaultUrls"/>. An empty value turns the listener off. Binding to a non-loopback address is a
    /// deliberate act: put it on a management network only.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>How long a readiness probe waits for PostgreSQL before calling it down. Default 2 seconds.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The URLs as a list; empty when the listener is off.</summary>
    public IReadOnlyList<string> UrlList => ManagementUrls.Parse(Urls);

    /// <summary>Why these options cannot be used, naming the setting; null when they can.</summary>
    public string? Problem() =>
        ProbeTimeout <= TimeSpan.Zero ? "Management:ProbeTimeout must be positive" : ManagementUrls.Problem(UrlList);
}
