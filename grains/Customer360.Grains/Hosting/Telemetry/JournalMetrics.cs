using System.Diagnostics;
using System.Diagnostics.Metrics;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Grains.Hosting.Telemetry;

/// <summary>
/// The journal's instruments (meter <c>Customer360.Journal</c>): rows per group commit
/// (<c>c360.journal.batch.rows</c>), commit latency (<c>c360.journal.commit.duration</c>, seconds), both by <c>lane</c>
/// (<c>bulk</c>, <c>interactive</c>), the depth of its append queues and read queue (<c>c360.journal.queue.depth</c> by
/// <c>queue</c>: <c>append</c>, <c>append-interactive</c>, <c>read</c>), and profiles recovered from it
/// (<c>c360.journal.replays</c>, <c>c360.journal.replayed.events</c>).
/// </summary>
public sealed class JournalMetrics
{
    private static readonly KeyValuePair<string, object?> AppendQueue = new("queue", "append");
    private static readonly KeyValuePair<string, object?> ReadQueue = new("queue", "read");
    private static readonly KeyValuePair<string, object?> InteractiveQueue = new("queue", "append-interactive");
    private static readonly KeyValuePair<string, object?> BulkLane = new("lane", "bulk");
    private static readonly KeyValuePair<string, object?> InteractiveLane = new("lane", "interactive");

    private readonly Meter _meter;
    private readonly Histogram<long> _rows;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _replays;
    private readonly Counter<long> _replayedEvents;

    public JournalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create($"{TelemetryNames.Prefix}.Journal");
        _rows = _meter.CreateHistogram("c360.journal.batch.rows", "{row}", "Rows written per group commit", tags: null,
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000] });
        _duration = _meter.CreateHistogram("c360.journal.commit.duration", "s", "Time to write and commit one group commit", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _replays = _meter.CreateCounter<long>("c360.journal.replays", "{replay}", "Profile activations that replayed journal entries beyond their snapshot");
        _replayedEvents = _meter.CreateCounter<long>("c360.journal.replayed.events", "{event}", "Journal entries replayed into profiles on activation");
    }

    /// <summary>Publishes the queues' depths, read when scraped. Called once, by the journal.</summary>
    public void ObserveQueues(Func<int> appends, Func<int> reads, Func<int> interactiveAppends) =>
        _meter.CreateObservableGauge("c360.journal.queue.depth",
            () => new[]
            {
                new Measurement<int>(appends(), AppendQueue), new Measurement<int>(reads(), ReadQueue),
                new Measurement<int>(interactiveAppends(), InteractiveQueue),
            },
            "{request}", "Appends (grain calls) and reads (activations) waiting for the journal");

    /// <summary>
    /// One group commit of <paramref name="rows"/> rows of one lane, begun at <paramref name="startedAt"/> (a
    /// <see cref="Stopwatch"/> timestamp).
    /// </summary>
    public void Committed(int rows, long startedAt, bool interactive = false)
    {
        var lane = interactive ? InteractiveLane : BulkLane;
        _rows.Record(rows, lane);
        _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, lane);
    }

    /// <summary>A profile recovered <paramref name="events"/> events from the journal beyond its snapshot.</summary>
    public void Replayed(int events)
    {
        _replays.Add(1);
        _replayedEvents.Add(events);
    }
}
