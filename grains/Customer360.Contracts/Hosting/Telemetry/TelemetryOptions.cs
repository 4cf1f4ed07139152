namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry in silo and gateway (section <c>Telemetry</c>). Metrics are always collected and served in
/// Prometheus text at <c>/metrics</c> (management listener; the gateway also to administrators); traces and an OTLP
/// export exist only when an endpoint is configured, so a process with none pays nothing for them.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// The resource attribute <c>service.instance.id</c>. Default: host name and process id, which tells apart two
    /// silos of one host.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>Where traces, metrics and logs are sent over OTLP; see <see cref="TelemetryOtlpOptions"/>.</summary>
    public TelemetryOtlpOptions Otlp { get; set; } = new();

    /// <summary>
    /// The share of traces kept when tracing is on, from 0 to 1 (a request's child spans follow its decision).
    /// Default 1: every trace. Lower it under a heavy feed: each sampled batch costs a few spans per grain call.
    /// </summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>How often the metric <c>c360.postgres.up</c> is refreshed by a probe of PostgreSQL. Default 5 seconds.</summary>
    public TimeSpan StoreProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long that probe waits for PostgreSQL before calling it down. Default 2 seconds.</summary>
    public TimeSpan StoreProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Why these options cannot be used, naming the setting; null when they can.</summary>
    public string? Problem()
    {
        if (TraceSampleRatio is < 0 or > 1 || double.IsNaN(TraceSampleRatio))
            return $"Telemetry:TraceSampleRatio is {TraceSampleRatio}; it must be from 0 to 1";
        if (StoreProbeInterval < TimeSpan.FromMilliseconds(100)) return "Telemetry:StoreProbeInterval must be at least 00:00:00.1";
        if (StoreProbeTimeout <= TimeSpan.Zero || StoreProbeTimeout > StoreProbeInterval)
            return "Telemetry:StoreProbeTimeout must be positive and at most Telemetry:StoreProbeInterval";
        return Otlp.Problem();
    }
}
