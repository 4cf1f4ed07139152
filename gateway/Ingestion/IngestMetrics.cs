using System.Diagnostics.Metrics;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// The feed's instruments (meter <c>Customer360.Ingest</c>): <c>c360.ingest.events</c> by <c>outcome</c> (accepted,
/// duplicate, held, rejected with its <c>reason</c>) and <c>c360.ingest.request.size</c> in bytes. Events are
/// counted once per request, from what its answer says: the accepted count equals the sum of the answers'
/// <c>accepted</c>, and a request answered 503 (nothing acknowledged) adds nothing; it shows in ASP.NET Core's
/// <c>http.server.request.duration</c> with its status code.
/// </summary>
public sealed class IngestMetrics
{
    private static readonly KeyValuePair<string, object?>[] Accepted = [new("outcome", "accepted")];
    private static readonly KeyValuePair<string, object?>[] Duplicate = [new("outcome", "duplicate")];
    private static readonly KeyValuePair<string, object?>[] Held = [new("outcome", "held")];
    private static readonly Dictionary<string, KeyValuePair<string, object?>[]> Rejected =
        RejectReasons.All.ToDictionary(r => r, r => new KeyValuePair<string, object?>[] { new("outcome", "rejected"), new("reason", r) });

    private readonly Counter<long> _events;
    private readonly Histogram<long> _requestSize;

    public IngestMetrics(IMeterFactory meters)
    {
        var meter = meters.Create($"{TelemetryNames.Prefix}.Ingest");
        _events = meter.CreateCounter<long>("c360.ingest.events", "{event}",
            "Events of POST /api/v1/events by outcome (accepted, duplicate, held, rejected with a reason), as answered");
        _requestSize = meter.CreateHistogram("c360.ingest.request.size", "By", "Body sizes of POST /api/v1/events", tags: null,
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 33_554_432] });
    }

    /// <summary>What one request's answer reported.</summary>
    public void Answered(IngestTally tally)
    {
        // Every chunk has completed by now: the counts no longer move.
        if (tally.Accepted > 0) _events.Add(tally.Accepted, Accepted);
        if (tally.Duplicates > 0) _events.Add(tally.Duplicates, Duplicate);
        if (tally.Held > 0) _events.Add(tally.Held, Held);
        foreach (var (reason, count) in tally.RejectedByReason()) _events.Add(count, Rejected[reason]);
    }

    /// <summary>The size of one request's body.</summary>
    public void BodyRead(long bytes) => _requestSize.Record(bytes);
}
