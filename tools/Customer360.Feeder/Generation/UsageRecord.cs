namespace Customer360.Feeder.Generation;

/// <summary>The envelope of a usage event just written, for writers that store it themselves (the COPY ceiling).</summary>
public readonly record struct UsageRecord(string CustomerId, string EventId, string Type, DateTimeOffset OccurredAt);
