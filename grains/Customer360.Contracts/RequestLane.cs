namespace Customer360.Contracts;

/// <summary>
/// Which lane the current call belongs to, carried in Orleans' <see cref="RequestContext"/> from the gateway through
/// the ingest router to the customer grain, like <see cref="EventArrival"/>. Interactive work — a request of a few
/// events (<c>Ingest:InteractiveMaxEvents</c>) and every staff action — must not queue behind a bulk feed's batches:
/// the journal commits it apart from them (its own queue and writer), and the router sends it on at once. A call
/// that carries no lane is bulk. The lane only chooses a queue: one customer's calls still run one at a time, in
/// order, whatever their lanes, since a customer grain is not reentrant and answers only once its events are durable.
/// </summary>
public static class RequestLane
{
    private const string Key = "c360.lane";
    private const string InteractiveValue = "interactive";

    /// <summary>Marks the calls made from here on in this async flow as interactive (the caller's own flow is left untouched).</summary>
    public static void MarkInteractive() => RequestContext.Set(Key, InteractiveValue);

    /// <summary>True when the gateway that started this call marked it interactive.</summary>
    public static bool IsInteractive => RequestContext.Get(Key) is InteractiveValue;
}
