namespace Customer360.Gateway.Push;

/// <summary>Console push on the gateway. Bound from configuration section <c>ConsolePush</c>.</summary>
public sealed class ConsolePushOptions
{
    /// <summary>
    /// How often topic leases are renewed at their owner grains (well within the silo's 60 s lease). It also
    /// bounds how long a console can miss a change when its owner grain's silo dies and this gateway hears of
    /// it late. Default 10 s.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one renewal may take. Default 5 s.</summary>
    public TimeSpan RenewTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Most notices that may wait for one console (SignalR connection); notices for the same topic and customer
    /// coalesce into one. Past it, the console's backlog is dropped and replaced by one <c>resync</c> message naming
    /// the topics to read again, so a console that does not keep up costs a bounded amount of memory. Default 256.
    /// </summary>
    public int OutboxCapacity { get; set; } = 256;
}
