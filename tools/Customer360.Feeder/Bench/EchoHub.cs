using Microsoft.AspNetCore.SignalR;

namespace Customer360.Feeder.Bench;

/// <summary>The bare hub of step (f): no work but SignalR's own, the floor under the console hub's latency.</summary>
public sealed class EchoHub : Hub
{
    public long Echo(long value) => value;
}
