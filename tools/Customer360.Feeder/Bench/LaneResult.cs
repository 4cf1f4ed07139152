namespace Customer360.Feeder.Bench;

/// <summary>One path of step (g) or (h): its probes' latencies, or why it has none.</summary>
public sealed record LaneResult(string Path, string Detail, ProbeSummary? Probes, string? Failure);
