namespace Customer360.Grains.Push;

/// <summary>Push batching on the silo. Bound from configuration section <c>Push</c>.</summary>
public sealed class PushOptions
{
    /// <summary>How long changes are gathered before a batch leaves for the gateways. Default 15 ms.</summary>
    public TimeSpan FlushWindow { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>How long a gateway may take to take a batch before it is given up. Default 5 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a gateway's subscription lasts without renewal. Gateways renew well within it. Default 60 s.
    /// </summary>
    public TimeSpan SubscriptionLease { get; set; } = TimeSpan.FromSeconds(60);
}
