namespace Customer360.Gateway.Push;

/// <summary>
/// Raised when the set of silos this gateway reaches changes. Kept free of dependencies on purpose: the Orleans
/// client creates it while it is still starting, before any grain reference can be made.
/// </summary>
public sealed class ClusterChangeSignal : IClusterConnectionStatusObserver
{
    private readonly SemaphoreSlim _changed = new(0);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        _changed.Release();

    public void NotifyClusterConnectionLost() { }

    /// <summary>Waits for a change or the timeout, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _changed.WaitAsync(timeout, ct);
}
