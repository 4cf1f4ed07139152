namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// Names shared by the telemetry wiring and the instruments. Every meter of ours is named
/// <c>Customer360.Something</c> and is made through DI's <c>IMeterFactory</c>; every instrument is named
/// <c>c360.something</c> with a UCUM unit.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The prefix of our meters and activity sources (a whole segment: <c>Customer360.Ingest</c>).</summary>
    public const string Prefix = "Customer360";

    /// <summary>The name OpenTelemetry's metrics listener registers under with <c>IMetricsBuilder</c>.</summary>
    public const string OpenTelemetryListener = "OpenTelemetry";

    /// <summary>Orleans' meter (grain calls, activations, messaging, load shedding).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' spans of grain calls; <c>Microsoft.Orleans.Runtime</c> is left out (hundreds of timer spans a minute).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>The .NET runtime's own meter (GC, thread pool, CPU and memory of the process).</summary>
    public const string RuntimeMeter = "System.Runtime";

    /// <summary>The meters of ASP.NET Core, Kestrel and SignalR connections share this prefix.</summary>
    public const string AspNetCoreMeters = "Microsoft.AspNetCore";

    /// <summary>The spans of our own code: the customer grain's handling and the journal's group commit.</summary>
    public const string SiloSource = "Customer360.Silo";

    /// <summary>The service names of the two processes (resource attribute <c>service.name</c>).</summary>
    public const string SiloService = "customer360-silo";

    /// <inheritdoc cref="SiloService"/>
    public const string GatewayService = "customer360-gateway";

    /// <summary>The Prometheus scrape path, on the management listeners and (administrators only) the gateway.</summary>
    public const string MetricsPath = "/metrics";
}
