using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>Tier, stage, tags, open alerts and actions, each with its reason in the console's language.</summary>
public sealed record DerivedView(
    TierView? Tier, StageView? Stage, IReadOnlyList<TagView> Tags, IReadOnlyList<AlertView> Alerts,
    IReadOnlyList<ActionView> Actions, int SatisfactionIndex, bool InMidHighBase, long RulesVersion);
