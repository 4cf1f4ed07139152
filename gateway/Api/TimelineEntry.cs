using System.Text.Json;

namespace Customer360.Gateway.Api;

/// <summary>One entry of a customer's timeline: an event of the feed or something staff did, as journaled.</summary>
public sealed record TimelineEntry(long Seq, string EventId, string Type, DateTimeOffset OccurredAt, JsonElement? Payload);
