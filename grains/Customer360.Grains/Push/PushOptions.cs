namespace Customer360.Grains.Push;

/// <summary>Push delivery on the silo (no window: see PushOutbox). Bound from configuration section <c>Push</c>.</summary>
public sealed class PushOptions
{
    /// <summary>How long a gateway may take to take a batch before it is given up. Default 5 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a gateway's subscription lasts without renewal. Gateways renew well within it. Default 60 s.
    /// </summary>
    public TimeSpan SubscriptionLease { get; set; } = TimeSpan.FromSeconds(60);
}
