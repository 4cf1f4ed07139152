namespace Customer360.Gateway.Audit;

/// <summary>The audit log's writer and retention. Bound from configuration section <c>Audit</c>.</summary>
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

    /// <summary>
    /// Days an entry is kept; older ones are deleted by <c>c360_prune_audit</c>, at start and every
    /// <see cref="PruneInterval"/>. At least 30 (the function refuses less). Default 180.
    /// </summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often old entries are pruned. Default one hour.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
