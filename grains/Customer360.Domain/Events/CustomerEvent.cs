using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>
/// One event of a usage or business feed, validated. <see cref="EventId"/> is unique across the feed:
/// a repeat is reported as a duplicate and never applied twice.
/// </summary>
/// <param name="EventId">Producer-assigned unique id.</param>
/// <param name="CustomerId">The customer, when the producer knows it.</param>
/// <param name="Msisdn">The customer's phone number, when the producer identifies the customer by it.</param>
/// <param name="OccurredAt">When it happened (not when it arrived): late events count in the month they occurred.</param>
/// <param name="Payload">What happened; its concrete type names the event type.</param>
public sealed record CustomerEvent(
    string EventId,
    string? CustomerId,
    string? Msisdn,
    DateTimeOffset OccurredAt,
    EventPayload Payload)
{
    /// <summary>The wire name of the event type, e.g. <c>usage.data</c>.</summary>
    [JsonIgnore]
    public string Type => Payload.Type;
}
