namespace Customer360.Domain.Derived;

/// <summary>The derived section: everything the rules conclude about a customer, each with its reason.</summary>
public sealed class DerivedProfile
{
    public TierStatus? Tier { get; set; }

    /// <summary>Tier changes, newest last (bounded).</summary>
    public List<TierChange> TierHistory { get; init; } = [];

    /// <summary>In the mid/high base (拍照): at or above the mid/high line in the reference quarter or since.</summary>
    public bool InMidHighBase { get; set; }

    public StageStatus? Stage { get; set; }

    public List<Tag> Tags { get; init; } = [];

    /// <summary>Open, acknowledged and snoozed alerts, plus recently resolved ones (bounded).</summary>
    public List<Alert> Alerts { get; init; } = [];

    public List<RecommendedAction> Actions { get; init; } = [];

    /// <summary>Starts at 100; one point off per negative touchpoint (score ≤ 2) in the last 90 days.</summary>
    public int SatisfactionIndex { get; set; } = 100;

    /// <summary>The rule settings version the derivation used.</summary>
    public long RulesVersion { get; set; }

    public DateTimeOffset? EvaluatedAt { get; set; }
}
