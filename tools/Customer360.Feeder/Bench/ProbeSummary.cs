using System.Globalization;

namespace Customer360.Feeder.Bench;

/// <summary>
/// The outcome of timed probes over <see cref="Clients"/> connections: how many were sent and answered, how many
/// connections closed under the run, and latency quantiles in ms over every probe sent. A lost probe counts as
/// slower than any answer (<see cref="double.PositiveInfinity"/>), so a p99 with over 1% lost says so instead of
/// looking good.
/// </summary>
public sealed record ProbeSummary(int Clients, long Sent, long Received, int Dropped, TimeSpan Elapsed,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    /// <summary>Not answered within <see cref="ProbeLoop.LossTimeout"/>.</summary>
    public long Lost => Sent - Received;

    public double PerSecond => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;

    /// <summary>A latency as the report writes it: finer below 10 ms, "lost" past the loss timeout.</summary>
    public static string Ms(double ms) =>
        double.IsPositiveInfinity(ms) ? string.Create(CultureInfo.InvariantCulture, $"> {ProbeLoop.LossTimeout.TotalSeconds:N0} s (lost)")
        : ms.ToString(ms < 10 ? "0.0' ms'" : "0' ms'", CultureInfo.InvariantCulture);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sent:N0} probes over {Clients:N0} connections in {Elapsed.TotalSeconds:F1} s ({PerSecond:F1}/s): {Received:N0} answered, {Lost:N0} lost, " +
        $"{Dropped} connections dropped; p50 {Ms(P50Ms)}, p95 {Ms(P95Ms)}, p99 {Ms(P99Ms)}, max {Ms(MaxMs)}");
}
