using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>The satisfaction index: 100, less one per negative touchpoint (score at most the line) in the window.</summary>
internal static class SatisfactionRules
{
    public static bool Apply(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var negative = 0;
        foreach (var t in p.Touchpoints)
            if (IsNegative(t, rules, now)) negative++;
        var index = Math.Max(0, 100 - negative);
        if (index == p.Derived.SatisfactionIndex) return false;
        p.Derived.SatisfactionIndex = index;
        return true;
    }

    /// <summary>When each counted negative touchpoint leaves the window.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        foreach (var t in p.Touchpoints)
            if (IsNegative(t, rules, now)) yield return t.At + TimeSpan.FromDays(rules.SatisfactionWindowDays);
    }

    /// <summary>A touchpoint scored at most the line, within the window ending now.</summary>
    private static bool IsNegative(Touchpoint t, RuleSettings rules, DateTimeOffset now) =>
        t.Score is { } score && score <= rules.NegativeScoreAtMost && t.At > now - TimeSpan.FromDays(rules.SatisfactionWindowDays);
}
