namespace Customer360.Grains.Hosting;

/// <summary>
/// Orleans' load shedding (its LoadSheddingOptions), bound from configuration section <c>Overload</c>. A silo past
/// either threshold refuses new calls from clients (the gateways) with GatewayTooBusyException instead of queueing
/// them, so an overloaded silo sheds work rather than growing its queues; the gateway answers such a refusal with
/// 503 and Retry-After. Calls between silos and those already queued are still served.
/// </summary>
public sealed class OverloadOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Overload";

    /// <summary>Whether the silo sheds client calls past the thresholds below. Default on.</summary>
    public bool LoadShedding { get; set; } = true;

    /// <summary>
    /// The host's CPU use, in percent (1–100, smoothed by Orleans), past which client calls are refused. Default 95:
    /// a silo busy near the top is still serving; one at the top can only fall behind.
    /// </summary>
    public int CpuThreshold { get; set; } = 95;

    /// <summary>The host's memory use, in percent (1–100), past which client calls are refused. Default 90.</summary>
    public int MemoryThreshold { get; set; } = 90;
}
