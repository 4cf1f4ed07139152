using Customer360.Contracts.Hosting.Management;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// The gateway's management listener (section <c>Management</c>): plain HTTP for a Prometheus scraper and an
/// orchestrator's probes, apart from the public port. It carries no customer data but must stay off public interfaces.
/// </summary>
public sealed class ManagementListenerOptions
{
    public const string Section = "Management";

    /// <summary>The default: loopback only; beside the silo's 11180, so one host can run both.</summary>
    public const string DefaultUrls = "http://127.0.0.1:11190";

    /// <summary>
    /// Where the listener binds, as in ASP.NET Core's <c>urls</c> (several separated by <c>;</c>). Default
    /// <see cref="DefaultUrls"/>. An empty value turns the listener off. Binding to a non-loopback address is a
    /// deliberate act: put it on a management network only.
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The URLs as a list; empty when the listener is off.</summary>
    public IReadOnlyList<string> UrlList => ManagementUrls.Parse(Urls);

    /// <summary>Why these options cannot be used, naming the setting; null when they can.</summary>
    public string? Problem() => ManagementUrls.Problem(UrlList);
}
