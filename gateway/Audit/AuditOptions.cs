namespace Customer360.Gateway.Audit;

/// <summary>The audit log's writer. Bound from configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Entries waiting to be written. While PostgreSQL is down, entries nobody waits for (sign-ins, say) queue up to
    /// this many and beyond it are dropped, the number dropped logged as a warning; a read finding the queue full
    /// answers 503. Default 100000 (a few tens of MiB at most).
    /// </summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Most entries written in one statement (one round trip, one commit). Default 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a read waits for its entry to be committed before it answers 503 instead. Default 5 seconds.
    /// </summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Retry-After, in seconds, of a 503 answered because the log could not be written. Default 5.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    // Retention (Audit:RetentionDays) is the silo's retention job now (Customer360.Grains.Retention.RetentionOptions),
    // one job per cluster rather than one pruner per gateway.
}
