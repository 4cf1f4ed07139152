namespace Customer360.Domain.Profile;

/// <summary>What applying one event did: the sections it changed, or why it was refused.</summary>
public readonly record struct ApplyOutcome(IReadOnlyList<string> Changed, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    /// <summary>The outcome of an event that changed one section. One shared instance per section: applying is per event.</summary>
    public static ApplyOutcome Changes(string section) => Single.TryGetValue(section, out var shared) ? shared : new([section], null);

    private static readonly Dictionary<string, ApplyOutcome> Single = ProfileSection.All.ToDictionary(s => s, s => new ApplyOutcome(new[] { s }, null));

    public static ApplyOutcome Rejected(string reason) => new([], reason);
}
