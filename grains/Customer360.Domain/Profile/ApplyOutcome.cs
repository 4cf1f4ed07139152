namespace Customer360.Domain.Profile;

/// <summary>What applying one event did: the sections it changed, or why it was refused.</summary>
public readonly record struct ApplyOutcome(IReadOnlyList<string> Changed, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static ApplyOutcome Changes(params string[] sections) => new(sections, null);

    public static ApplyOutcome Rejected(string reason) => new([], reason);
}
