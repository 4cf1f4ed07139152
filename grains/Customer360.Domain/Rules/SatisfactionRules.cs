using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>The satisfaction index: 100, less one per negative touchpoint (score at most the line) in the window.</summary>
internal static class SatisfactionRules
{
    public static bool Apply(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var index = Math.Max(0, 100 - Negative(p, rules, now).Count());
        if (index == p.Derived.SatisfactionIndex) return false;
        p.Derived.SatisfactionIndex = index;
        return true;
    }

    /// <summary>When each counted negative touchpoint leaves the window.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules, DateTimeOffset now) =>
        Negative(p, rules, now).Select(t => t.At + TimeSpan.FromDays(rules.SatisfactionWindowDays));

    private static IEnumerable<Touchpoint> Negative(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var from = now - TimeSpan.FromDays(rules.SatisfactionWindowDays);
        return p.Touchpoints.Where(t => t.Score is { } score && score <= rules.NegativeScoreAtMost && t.At > from);
    }
}
