namespace Customer360.Gateway.Audit;

/// <summary>The audit log's writer. Bound from configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Entries waiting to be written. Reads never wait for the log: while PostgreSQL is down entries queue up to
    /// this many, and beyond it they are dropped and the number dropped is logged as a warning. Default 100000
    /// (a few tens of MiB at most).
    /// </summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Most entries written in one statement (one round trip). Default 500.</summary>
    public int BatchSize { get; set; } = 500;
}
