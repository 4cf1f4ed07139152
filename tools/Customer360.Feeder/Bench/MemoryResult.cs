namespace Customer360.Feeder.Bench;

/// <summary>The silo's resident memory and active customer grains before and after registering a population.</summary>
public sealed record MemoryResult(long Registered, long RssBefore, long RssAfter, long ActiveBefore, long ActiveAfter, string GrainTypes)
{
    public long ActiveAdded => ActiveAfter - ActiveBefore;

    public double? BytesPerProfile => ActiveAdded > 0 ? (double)(RssAfter - RssBefore) / ActiveAdded : null;

    /// <summary>The silo's memory with a million active profiles: measured when it holds that many, else projected.</summary>
    public (double Bytes, bool Projected)? AtOneMillion => ActiveAfter >= 1_000_000
        ? (RssAfter, false)
        : BytesPerProfile is { } per ? (RssAfter + (1_000_000 - ActiveAfter) * per, true) : null;
}
