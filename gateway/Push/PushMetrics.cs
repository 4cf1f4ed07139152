using System.Diagnostics.Metrics;
using Customer360.Contracts;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Gateway.Push;

/// <summary>
/// The console push instruments of this gateway, on Meter <c>Customer360.Push</c>: notices from the cluster, how
/// many consoles each reached, the consoles' outboxes, backlogs replaced by a "look again", and the lag from an
/// event's arrival at a gateway to the SignalR send of the notice it caused.
/// </summary>
public sealed class PushMetrics
{
    public const string MeterName = $"{TelemetryNames.Prefix}.Push";

    // Tags made once: a tag is a topic's kind, never the topic itself (it names a customer or a person).
    private static readonly Dictionary<string, KeyValuePair<string, object?>[]> TopicKinds = new[]
    {
        Topics.CustomerPrefix, Topics.StorePrefix, Topics.PortfolioPrefix, Topics.AlertsPrefix, Topics.TiersPrefix, Topics.WorkOrdersPrefix,
    }.ToDictionary(k => k, k => new KeyValuePair<string, object?>[] { new("topic_kind", k) }, StringComparer.Ordinal);

    private static readonly KeyValuePair<string, object?>[] OtherTopicKind = [new("topic_kind", "other")];

    private static readonly Dictionary<string, KeyValuePair<string, object?>[]> NoticeKinds = new[]
    {
        PushKinds.ProfileChanged, PushKinds.WalkIn, PushKinds.AlertChanged, PushKinds.TierChanged, PushKinds.WorkOrderChanged,
    }.ToDictionary(k => k, k => new KeyValuePair<string, object?>[] { new("kind", k) }, StringComparer.Ordinal);

    private static readonly KeyValuePair<string, object?>[] OtherNoticeKind = [new("kind", "other")];

    // From a millisecond (a notice on an idle machine) to half a minute (a console far behind; beyond is +Inf).
    private static readonly double[] LagBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    // From nobody (the last console left meanwhile) to a topic a thousand consoles follow.
    private static readonly int[] FanoutBuckets = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly Counter<long> _notices;
    private readonly Histogram<int> _fanout;
    private readonly Counter<long> _resyncs;
    private readonly Histogram<double> _lag;
    private long _outboxDepth;

    public PushMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _notices = meter.CreateCounter<long>("c360.push.notices", "{notice}",
            "Notices received from the cluster and handed to the consoles' outboxes, by kind (the hub message name)");
        _fanout = meter.CreateHistogram("c360.push.fanout", "{console}",
            "Consoles one notice was queued for, by topic kind (customer, portfolio, alerts, store, tiers, workorders)",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = FanoutBuckets });
        meter.CreateObservableGauge("c360.push.outbox.depth", () => Volatile.Read(ref _outboxDepth), "{notice}",
            "Notices waiting in the consoles' outboxes of this gateway, summed over its consoles");
        _resyncs = meter.CreateCounter<long>("c360.push.resyncs", "{resync}",
            "Console backlogs dropped and replaced by one resync (look again) because the outbox was full");
        _lag = meter.CreateHistogram("c360.push.lag", "s",
            "From an event's arrival at a gateway (POST /api/v1/events, or a staff action) to the SignalR send of the notice it caused, per console",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    public void Notice(string kind) => _notices.Add(1, NoticeKinds.GetValueOrDefault(kind, OtherNoticeKind));

    public void Fanout(string topic, int consoles)
    {
        var colon = topic.IndexOf(':');
        var tags = colon > 0 && TopicKinds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(topic.AsSpan(0, colon), out var known) ? known : OtherTopicKind;
        _fanout.Record(consoles, tags);
    }

    public void Resync() => _resyncs.Add(1);

    /// <summary>Adds <paramref name="delta"/> (negative when notices leave) to the depth summed over this gateway's outboxes.</summary>
    public void OutboxDepthChanged(long delta) => Interlocked.Add(ref _outboxDepth, delta);

    /// <summary>One sample per notice sent to a console, when its events' arrival is known.</summary>
    public void Sent(DateTimeOffset? arrivedAt)
    {
        if (arrivedAt is not { } at) return;
        // Another gateway's clock may run a little ahead of this one's: a negative lag is a zero.
        _lag.Record(Math.Max(0, (TimeProvider.System.GetUtcNow() - at).TotalSeconds));
    }
}
