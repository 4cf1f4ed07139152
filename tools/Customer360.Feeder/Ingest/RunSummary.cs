using System.Globalization;

namespace Customer360.Feeder.Ingest;

/// <summary>The outcome of a run: event counts, wall time, accepted events per second and request latencies (ms).</summary>
public sealed record RunSummary(long Sent, long Accepted, long Duplicates, long Rejected, long Retries, long Abandoned, long Requests,
    TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double AcceptedPerSecond => Elapsed.TotalSeconds > 0 ? Accepted / Elapsed.TotalSeconds : 0;

    public double SentPerSecond => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"""
        sent        {Sent:N0} events answered in {Requests:N0} requests ({Retries:N0} retries; {Abandoned:N0} events abandoned unanswered at stop)
        accepted    {Accepted:N0}
        duplicates  {Duplicates:N0}
        rejected    {Rejected:N0}
        elapsed     {Elapsed.TotalSeconds:F1} s
        rate        {AcceptedPerSecond:N0} accepted events/s ({SentPerSecond:N0} sent/s)
        latency     p50 {P50Ms:F1} ms, p95 {P95Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms (per request)
        """);
}
