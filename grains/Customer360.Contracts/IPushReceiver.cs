using System.Collections.Immutable;

namespace Customer360.Contracts;

/// <summary>
/// Implemented by each gateway (one object per gateway process, registered with Orleans) to receive batches
/// of changes for the topics its consoles subscribed to.
/// </summary>
[Alias("c360.push-receiver")]
public interface IPushReceiver : IGrainObserver
{
    [Alias("deliver")]
    Task Deliver(ImmutableArray<PushMessage> batch);
}
