using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// One phase of step (g), idle or under the 80% load: every lane's probes, the event probes' own POSTs (request to
/// answer), and the background load when there was one.
/// </summary>
public sealed record InteractiveResult(IReadOnlyList<LaneResult> Lanes, RunSummary? Posts, RunSummary? Load)
{
    public LaneResult? Lane(string path) => Lanes.FirstOrDefault(l => l.Path == path);
}
