namespace Customer360.Grains.Customers;

/// <summary>Snapshotting and de-duplication of customer grains. Bound from configuration section <c>Customers</c>.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>Write a snapshot after this many journaled events. Default 200.</summary>
    public int SnapshotEveryEvents { get; set; } = 200;

    /// <summary>Write a snapshot at most this long after the first change it would hold. Default 60 s.</summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Recent event ids held in memory per customer. Default 256.</summary>
    public int RecentEventIds { get; set; } = 256;
}
