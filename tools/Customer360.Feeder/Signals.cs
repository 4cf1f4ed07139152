namespace Customer360.Feeder;

/// <summary>
/// The two ways a run ends early: <see cref="Stop"/> (the first Ctrl-C, or the end of <c>--duration</c>) stops
/// sending new batches but lets requests in flight finish and be counted; <see cref="Abort"/> (a second
/// Ctrl-C, SIGTERM) gives up on them too.
/// </summary>
public sealed record Signals(CancellationToken Stop, CancellationToken Abort)
{
    /// <summary>The same signals, with Stop also firing after <paramref name="duration"/>.</summary>
    public (Signals Signals, CancellationTokenSource Owner) WithDeadline(TimeSpan? duration)
    {
        var owner = CancellationTokenSource.CreateLinkedTokenSource(Stop);
        if (duration is { } d) owner.CancelAfter(d);
        return (this with { Stop = owner.Token }, owner);
    }
}
