using System.Diagnostics;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Grains.Hosting.Telemetry;

/// <summary>
/// The silo's spans (<see cref="TelemetryNames.SiloSource"/>): a customer grain's handling of a batch and the
/// journal's group commit. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null at once
/// while nothing listens, so with tracing off they cost a check.
/// </summary>
public static class SiloTelemetry
{
    public static readonly ActivitySource Source = new(TelemetryNames.SiloSource);
}
