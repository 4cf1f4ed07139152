using Customer360.Domain.Derived;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>
/// The rules over a profile: tier, lifecycle stage, tags, alerts, recommended actions and satisfaction, each
/// with its reason. Pure and deterministic: the same profile, settings and <c>now</c> give the same result, and
/// deriving twice changes nothing the second time. Order matters: the stage reads the tier's arrears facts,
/// alerts read tier and stage, tags read the stage, actions read alerts, tags and stage.
/// </summary>
public static class ProfileRules
{
    /// <summary>Recomputes <see cref="CustomerProfile.Derived"/> in place and says what changed.</summary>
    public static DerivationResult Derive(CustomerProfile profile, RuleSettings rules, DateTimeOffset now)
    {
        if (!profile.IsRegistered) return DerivationResult.None;
        var changed = new List<string>();
        var (tierChanged, tierChange) = TierRules.Apply(profile, rules, now);
        if (tierChanged) changed.Add(DerivedSection.Tier);
        var signals = profile.Closure is null ? DeclineSignals.Current(profile, rules, now) : [];
        if (StageRules.Apply(profile, rules, now, signals)) changed.Add(DerivedSection.Stage);
        if (TagRules.Apply(profile, rules, now)) changed.Add(DerivedSection.Tags);
        var (alertsChanged, raised, resolved) = AlertBook.Apply(profile, AlertRules.Conditions(profile, rules, now, signals), now);
        if (alertsChanged) changed.Add(DerivedSection.Alerts);
        if (ActionRules.Apply(profile)) changed.Add(DerivedSection.Actions);
        if (SatisfactionRules.Apply(profile, rules, now)) changed.Add(DerivedSection.Satisfaction);

        profile.Derived.RulesVersion = rules.Version;
        profile.Derived.EvaluatedAt = now;
        return new DerivationResult(changed, tierChange, raised, resolved);
    }

    /// <summary>
    /// Whether the derived profile still stands after usage records that only added to this month's running
    /// counters (<see cref="ProfileApplier.AddsToCounters"/>), so that <see cref="Derive"/> would change nothing
    /// and need not run. Most of a feed is such records, and deriving after each one is most of the cost of
    /// ingesting it. It holds when the profile was derived this operator month under these settings, nothing
    /// time-driven has come due since (<paramref name="dueFrom"/>: the earliest pending moment, never later than
    /// <see cref="NextDue"/> said), the customer is active and not in arrears (whose start may be the last
    /// update), and this month's saturation alert, the one rule that reads those counters, is settled. Then it
    /// moves <c>EvaluatedAt</c>, as <see cref="Derive"/> would, and <see cref="NextDue"/> is unchanged.
    /// </summary>
    public static bool StandsAfterCounters(CustomerProfile profile, RuleSettings rules, DateTimeOffset now, DateTimeOffset? dueFrom)
    {
        var derived = profile.Derived;
        if (!profile.IsRegistered || profile.Closure is not null || derived.RulesVersion != rules.Version) return false;
        if (derived.EvaluatedAt is not { } evaluated || evaluated > now || RuleFacts.ThisMonth(evaluated) != RuleFacts.ThisMonth(now)) return false;
        if (dueFrom is { } due && due <= now) return false;
        if (RuleFacts.ArrearsSince(profile, now) is not null) return false;
        if (!AlertBook.Settled(profile, AlertRules.SaturationKey(now), AlertRules.Saturation(profile, rules, now))) return false;
        derived.EvaluatedAt = now;
        return true;
    }

    /// <summary>
    /// The earliest instant after <paramref name="now"/> at which <see cref="Derive"/> could change something
    /// with no new event, or null when nothing is pending. Never at or before <paramref name="now"/>. Computed
    /// on the profile as derived at <paramref name="now"/>: call it right after <see cref="Derive"/>.
    /// </summary>
    public static DateTimeOffset? NextDue(CustomerProfile profile, RuleSettings rules, DateTimeOffset now)
    {
        if (!profile.IsRegistered) return null;
        DateTimeOffset? next = null;
        Consider(ref next, TierRules.Moments(profile, rules), now);
        Consider(ref next, AlertRules.Moments(profile, rules, now), now);
        Consider(ref next, SatisfactionRules.Moments(profile, rules, now), now);
        // A churned customer's stage and tags are final; only money, complaints and snoozes still move.
        if (profile.Closure is null)
        {
            // Usage, saturation, roaming and the last complete month turn over with the operator month; only
            // usage of the last four months or a plan's allowances can make that change anything.
            var thisMonth = OperatorCalendar.MonthOf(now);
            var fourMonthsAgo = OperatorDays.AddMonths(thisMonth, -4);
            if (profile.Products is not null || profile.Usage.Keys.Any(m => string.CompareOrdinal(m, fourMonthsAgo) >= 0))
                Consider(ref next, OperatorDays.StartOfMonth(OperatorDays.AddMonths(thisMonth, 1)), now);
            Consider(ref next, StageRules.Moments(profile, rules), now);
            Consider(ref next, DeclineSignals.Moments(profile, rules, now), now);
            Consider(ref next, TagRules.Moments(profile, rules), now);
        }
        return next;
    }

    /// <summary>Keeps in <paramref name="next"/> the earliest moment after <paramref name="now"/>; of equal ones, the first seen.</summary>
    private static void Consider(ref DateTimeOffset? next, DateTimeOffset moment, DateTimeOffset now)
    {
        if (moment > now && (next is not { } earliest || moment < earliest)) next = moment;
    }

    private static void Consider(ref DateTimeOffset? next, IEnumerable<DateTimeOffset> moments, DateTimeOffset now)
    {
        foreach (var moment in moments) Consider(ref next, moment, now);
    }

    /// <summary>
    /// Retention (保有率) counts this: in the mid/high base, still active, and still mid/high or above. A held
    /// downgrade (waiting for the month close) still counts as retained, as the tier shown does.
    /// </summary>
    public static bool IsRetained(CustomerProfile profile) =>
        profile.Derived.InMidHighBase && profile.Closure is null && profile.Derived.Tier is { Tier: >= Tier.MidHigh };
}
