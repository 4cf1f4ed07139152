namespace Customer360.Contracts;

/// <summary>
/// The cluster's one retention job (key 0): journal partitions ahead and behind, the audit log, tier changes, closed
/// accounts' read-model rows and their erasure past the legal period. A reminder runs it every
/// <c>Retention:Interval</c>; every silo calls <see cref="Start"/> at start, which arms the reminder once per cluster.
/// </summary>
[Alias("c360.retention")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Arms (or re-arms, when the interval changed) the reminder. Idempotent.</summary>
    [Alias("start")]
    Task Start();

    /// <summary>Runs every step now and answers what each removed. Steps are bounded; what is left waits for the next run.</summary>
    [Alias("run-now"), ResponseTimeout("00:10:00")]
    Task<RetentionReport> RunNow();
}
