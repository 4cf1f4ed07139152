using System.Diagnostics.Metrics;

namespace Customer360.Grains.Retention;

/// <summary>
/// The retention job's instruments, on meter <c>Customer360.Retention</c>: runs by outcome, what each step removed,
/// when it last succeeded and how long a run takes.
/// </summary>
public sealed class RetentionMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Customer360.Retention";

    // A run goes from a fraction of a second (nothing due) to many minutes (a month of journal, a wave of erasures).
    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter<long> _runs;
    private readonly Counter<long> _removed;
    private readonly Histogram<double> _duration;
    private long _lastSuccess;

    public RetentionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("c360.retention.runs", "{run}", "Runs of the retention job, by outcome (success, failure).");
        _removed = meter.CreateCounter<long>("c360.retention.removed", "{item}",
            "What the retention job removed, by kind: journal-partitions, audit, tier-changes, closed-rows, erased.");
        _duration = meter.CreateHistogram<double>("c360.retention.duration", "s", "How long a run of the retention job took.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge("c360.retention.last_success", () => Interlocked.Read(ref _lastSuccess), "s",
            "When the retention job last finished without a failure, in Unix seconds (0: not since this silo started).");
    }

    /// <summary>Kinds of <c>c360.retention.removed</c>.</summary>
    public static class Kinds
    {
        public const string JournalPartitions = "journal-partitions";
        public const string Audit = "audit";
        public const string TierChanges = "tier-changes";
        public const string ClosedRows = "closed-rows";
        public const string Erased = "erased";
    }

    public void Removed(string kind, long count)
    {
        if (count > 0) _removed.Add(count, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Ran(bool succeeded, TimeSpan took, DateTimeOffset finishedAt)
    {
        _runs.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "success" : "failure"));
        _duration.Record(took.TotalSeconds);
        if (succeeded) Interlocked.Exchange(ref _lastSuccess, finishedAt.ToUnixTimeSeconds());
    }
}
