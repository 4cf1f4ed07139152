namespace Customer360.Feeder.Bench;

/// <summary>One step of a concurrency sweep: how many events were committed with that many connections, in how long.</summary>
public sealed record SweepPoint(int Connections, long Events, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}
