namespace Customer360.Contracts;

/// <summary>
/// When the events of the current call arrived at a gateway (<c>POST /api/v1/events</c>), carried in Orleans'
/// <see cref="RequestContext"/> from the gateway through the ingest router to the customer grain and whatever it
/// calls meanwhile (a store's walk-in list), so a push notice can say how old the change it announces is. Carried
/// beside the call rather than in its arguments: it is a measurement, and the grains never act on it.
/// </summary>
public static class EventArrival
{
    private const string Key = "c360.arrived";

    /// <summary>Stamps the calls made from here on in this async flow (the caller's own flow is left untouched).</summary>
    public static void Stamp(DateTimeOffset arrivedAt) => RequestContext.Set(Key, arrivedAt);

    /// <summary>The arrival stamped by the gateway that started this call, or null.</summary>
    public static DateTimeOffset? Current => RequestContext.Get(Key) is DateTimeOffset at ? at : null;
}
