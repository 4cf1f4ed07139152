namespace Customer360.Grains.Lists;

/// <summary>
/// The version of a topic whose owner keeps no durable counter (a list rebuilt from the read model). It starts
/// from the clock at activation, in microseconds, and counts up: a reactivated owner's versions are above the
/// old ones, so consoles never take its changes for stale ones.
/// </summary>
public sealed class TopicVersion(TimeProvider time)
{
    public long Current { get; private set; } = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public long Next() => ++Current;
}
