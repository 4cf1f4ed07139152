using System.Text.Json;

namespace Customer360.Domain.Events;

/// <summary>
/// Validates one event of the feed (the envelope and the payload of its type) into a <see cref="CustomerEvent"/>.
/// The feed is untrusted input: every field is checked for type, range and length, and the first problem is
/// reported in words naming the field.
/// </summary>
public static class EventParser
{
    /// <summary>How far in the future <c>occurredAt</c> may lie, for producers whose clocks run ahead.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earliest <c>occurredAt</c> taken. The journal keeps a partition per month and makes one for any month an
    /// event names; a floor keeps a producer's wrong clock (year 1, 1970) from making hundreds of empty tables.
    /// </summary>
    public static readonly DateTimeOffset EarliestOccurredAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static EventParseResult Parse(JsonElement element, DateTimeOffset now)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return EventParseResult.Invalid(null, "an event must be a JSON object");

        string? eventId = null;
        try
        {
            var root = new FieldReader(element, "");
            eventId = root.RequiredString("eventId", 128);
            var customerId = root.OptionalId("customerId");
            var msisdn = root.OptionalMsisdn("msisdn");
            var occurredAt = root.RequiredTimestamp("occurredAt");
            var type = root.RequiredString("type", 64);
            if (!PayloadParsers.ByType.TryGetValue(type, out var parsePayload))
                throw new InvalidEventException($"type '{type}' is not supported; expected one of {string.Join(", ", EventTypes.Supported)}");
            if (occurredAt > now + AllowedClockSkew)
                throw new InvalidEventException("occurredAt lies in the future");
            if (occurredAt < EarliestOccurredAt)
                throw new InvalidEventException("occurredAt lies before 2000-01-01, the earliest the journal takes");

            var payload = parsePayload(root.RequiredObject("payload"), occurredAt);
            if (customerId is null && (msisdn is null || payload is CustomerRegistered))
                throw new InvalidEventException(payload is CustomerRegistered
                    ? "customerId is required for customer.registered"
                    : "customerId or msisdn is required");

            return EventParseResult.Valid(new CustomerEvent(eventId, customerId, msisdn, occurredAt, payload));
        }
        catch (InvalidEventException ex)
        {
            return EventParseResult.Invalid(eventId, ex.Message);
        }
    }

    /// <summary>
    /// Validates the payload of one event type on its own, for staff recording what happened (a touchpoint)
    /// through a console: the payload, or the problem in words naming the field.
    /// </summary>
    public static (EventPayload? Payload, string? Error) ParsePayload(string type, JsonElement payload, DateTimeOffset occurredAt)
    {
        if (!PayloadParsers.ByType.TryGetValue(type, out var parse)) return (null, $"type '{type}' is not supported");
        if (payload.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object");
        try
        {
            return (parse(new FieldReader(payload, ""), occurredAt), null);
        }
        catch (InvalidEventException ex)
        {
            return (null, ex.Message);
        }
    }
}
