using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>What a region's tier board counts of one customer.</summary>
public sealed record TierBoardFacts(string Region, Tier? Tier, LifecycleStage? Stage, bool InMidHighBase, bool Retained, bool ChurnRisk)
{
    public static TierBoardFacts Of(CustomerSummary s) => new(s.Region, s.Tier, s.Stage, s.InMidHighBase, s.Retained,
        s.OpenAlerts.Any(a => a.Kind == AlertKind.ChurnRisk));
}
