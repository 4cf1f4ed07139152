namespace Customer360.Grains.Customers;

/// <summary>Snapshotting and de-duplication of customer grains. Bound from configuration section <c>Customers</c>.</summary>
public sealed class CustomerGrainOptions
{
    /// <summary>
    /// How long a profile stays in memory after its last call before it is deactivated (its snapshot written).
    /// Default 2 hours: profiles in memory answer consoles and take events without a database read, at about
    /// 6 KiB each (BENCHMARKS.md); a quiet customer costs one activation when they next call or pay.
    /// </summary>
    public TimeSpan IdleDeactivation { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Write a snapshot after this many journaled events. Default 200.</summary>
    public int SnapshotEveryEvents { get; set; } = 200;

    /// <summary>
    /// Write a snapshot at most this long after the first change it would hold. Default 10 minutes: every
    /// snapshot is a transaction of its own, and a profile that changes a few times a minute would otherwise cost
    /// one per minute; the journal holds every change in between, and a recovering profile replays at most
    /// <see cref="SnapshotEveryEvents"/> entries.
    /// </summary>
    public TimeSpan SnapshotDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Snapshot writes a silo runs at once; more wait their turn. Default 16.</summary>
    public int ConcurrentSnapshots { get; set; } = 16;

    /// <summary>
    /// When on, an event for a customer not registered yet is stored and held (answered as held) and applied
    /// when the registration arrives, for feeds that may deliver usage before the sign-up. When off (default),
    /// such an event is rejected as "customer … is not registered".
    /// </summary>
    public bool HoldUnregistered { get; set; }

    /// <summary>Most events held for one unregistered customer; beyond it they are rejected. Default 1000.</summary>
    public int MaxHeldEvents { get; set; } = 1000;

    /// <summary>
    /// How long a change of who may read a customer (registration, managers, region, alert owners) waits for the
    /// read model before it is acknowledged anyway. Default 5 seconds; normally it takes a few milliseconds.
    /// </summary>
    public TimeSpan ReadModelWait { get; set; } = TimeSpan.FromSeconds(5);
}
