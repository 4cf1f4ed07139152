using System.Diagnostics.Metrics;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Gateway.Audit;

/// <summary>
/// The audit log's instruments (meter <c>Customer360.Audit</c>), read from the log when scraped:
/// <c>c360.audit.queue.depth</c>, entries waiting to be written, and <c>c360.audit.entries</c>, entries written.
/// </summary>
public static class AuditMetrics
{
    public static AuditLog Observe(AuditLog log, IMeterFactory meters)
    {
        var meter = meters.Create($"{TelemetryNames.Prefix}.Audit");
        meter.CreateObservableGauge("c360.audit.queue.depth", () => log.Queued, "{entry}", "Audit entries waiting to be written");
        meter.CreateObservableCounter("c360.audit.entries", () => log.Written, "{entry}", "Audit entries written to PostgreSQL");
        return log;
    }
}
