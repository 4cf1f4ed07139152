namespace Customer360.Contracts;

/// <summary>What became of one event of an ingested batch.</summary>
[GenerateSerializer, Immutable, Alias("c360.event-outcome")]
public readonly record struct EventOutcome(
    [property: Id(0)] EventOutcomeKind Kind,
    [property: Id(1)] string? Error)
{
    public static readonly EventOutcome Accepted = new(EventOutcomeKind.Accepted, null);
    public static readonly EventOutcome Duplicate = new(EventOutcomeKind.Duplicate, null);
    public static readonly EventOutcome Held = new(EventOutcomeKind.Held, null);

    public static EventOutcome Rejected(string error) => new(EventOutcomeKind.Rejected, error);
}
