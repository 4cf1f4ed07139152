using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>
/// A region's tier board: customers per tier and per stage, the mid/high base and how much of it is retained
/// (保有率), customers with an open churn-risk alert, and the latest tier changes, newest first.
/// </summary>
public sealed record TierBoardView(
    string Region,
    long Version,
    IReadOnlyDictionary<Tier, long> Tiers,
    IReadOnlyDictionary<LifecycleStage, long> Stages,
    long MidHighBase,
    long Retained,
    decimal? RetentionPercent,
    long ChurnRisk,
    IReadOnlyList<TierChangeNotice> Changes);
