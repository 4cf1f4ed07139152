namespace Customer360.Domain.Events;

/// <summary>Either a valid event or the reason it was refused, naming the bad field.</summary>
public readonly record struct EventParseResult(CustomerEvent? Event, string? EventId, string? Error)
{
    public bool IsValid => Event is not null;

    public static EventParseResult Valid(CustomerEvent e) => new(e, e.EventId, null);

    public static EventParseResult Invalid(string? eventId, string error) => new(null, eventId, error);
}
