using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Tiers (分层分级) on A3, with hysteresis: an upgrade takes effect at once, a downgrade only when a later billing
/// month has closed than the one the current tier was computed on. That month is kept in the tier reason's
/// "month" argument, so a late bill for an older month never rolls a tier back on its own.
/// </summary>
internal static class TierRules
{
    public const int MaxHistory = 24;
    private const string MonthArg = "month";

    public static (bool Changed, TierChange? Change) Apply(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var d = p.Derived;
        var latest = LatestClosedMonth(p);
        var a3 = latest is null ? 0 : A3(p, latest);
        var next = Evaluate(p, rules, now, latest, a3);
        var changed = false;
        // The mid/high base (拍照) only ever grows: retention is measured against it.
        if (!d.InMidHighBase && latest is not null && a3 >= rules.MidHighA3)
        {
            d.InMidHighBase = true;
            changed = true;
        }

        if (d.Tier is not { } current)
        {
            d.Tier = next;
            return (true, null);
        }
        var rise = Rank(next).CompareTo(Rank(current));
        if (rise > 0 || (rise < 0 && MonthClosedSince(current, latest)))
        {
            d.Tier = next;
            var change = new TierChange(current.Tier, next.Tier, current.Stars, next.Stars, next.Reason, now);
            d.TierHistory.Add(change);
            if (d.TierHistory.Count > MaxHistory) d.TierHistory.RemoveRange(0, d.TierHistory.Count - MaxHistory);
            return (true, change);
        }
        if (rise == 0 && current.Reason != next.Reason)
        {
            d.Tier = next with { Since = current.Since };
            changed = true;
        }
        return (changed, null);
    }

    /// <summary>The tier the facts give now, before hysteresis, on the latest closed month and its A3.</summary>
    private static TierStatus Evaluate(CustomerProfile p, RuleSettings rules, DateTimeOffset now, string? latest, decimal a3)
    {
        var id = p.Identity!;
        var month = latest ?? "";
        var card = a3 >= rules.DiamondA3 ? VipCard.Diamond : a3 >= rules.GoldA3 ? VipCard.Gold : a3 >= rules.SilverA3 ? VipCard.Silver : VipCard.None;
        var tenureMet = Today(now) >= id.JoinedOn.AddMonths(rules.VipMinTenureMonths);

        if (card != VipCard.None && tenureMet && ArrearsSince(p, now) is null)
        {
            var line = card switch { VipCard.Diamond => rules.DiamondA3, VipCard.Gold => rules.GoldA3, _ => rules.SilverA3 };
            return Status(Tier.Strategic, 0, card, Reason(ReasonCodes.TierVip,
                ("card", card.ToString().ToLowerInvariant()), ("a3", Amount(a3)), ("line", Amount(line)), (MonthArg, month)), now);
        }
        if (id.KeyPerson && id.GroupClass is GroupClass.A or GroupClass.B)
            return Status(Tier.Strategic, 0, VipCard.None, Reason(ReasonCodes.TierKeyPerson,
                ("group", id.GroupId ?? ""), ("class", id.GroupClass.Value.ToString()), (MonthArg, month)), now);
        if (a3 >= rules.MidHighA3 && id.GroupId is { } group)
            return Status(Tier.GroupMidHigh, 0, VipCard.None, Reason(ReasonCodes.TierGroupMidHigh,
                ("a3", Amount(a3)), ("line", Amount(rules.MidHighA3)), ("group", group), (MonthArg, month)), now);
        if (a3 >= rules.MidHighA3)
            return Status(Tier.MidHigh, 0, VipCard.None, Reason(ReasonCodes.TierMidHigh,
                ("a3", Amount(a3)), ("line", Amount(rules.MidHighA3)), (MonthArg, month)), now);

        var stars = 1;
        foreach (var line in rules.StarLines)
            if (a3 >= line) stars++;
        return latest is null
            ? Status(Tier.Mass, stars, VipCard.None, Reason(ReasonCodes.TierNoBill, (MonthArg, month)), now)
            : Status(Tier.Mass, stars, VipCard.None, Reason(ReasonCodes.TierMass,
                ("a3", Amount(a3)), ("stars", Number(stars)), (MonthArg, month)), now);
    }

    /// <summary>The VIP tenure line: a customer whose A3 already earns a card becomes strategic on that day.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules)
    {
        if (LatestClosedMonth(p) is { } latest && A3(p, latest) >= rules.SilverA3)
            yield return OperatorDays.StartOf(p.Identity!.JoinedOn.AddMonths(rules.VipMinTenureMonths));
        // The VIP card needs no arrears: a bill falling overdue may cost it.
        if (OverdueFrom(p) is { } overdue) yield return overdue;
    }

    /// <summary>Tier, then stars or card: mass ★ &lt; … &lt; ★★★★ &lt; mid/high &lt; group mid/high &lt; strategic (key person &lt; silver &lt; gold &lt; diamond).</summary>
    private static int Rank(TierStatus s) => (int)s.Tier * 10 + s.Tier switch
    {
        Tier.Mass => s.Stars,
        Tier.Strategic => (int)s.Card,
        _ => 0,
    };

    private static bool MonthClosedSince(TierStatus current, string? latest) =>
        latest is not null && string.CompareOrdinal(latest, Arg(current.Reason, MonthArg) ?? "") > 0;

    private static TierStatus Status(Tier tier, int stars, VipCard card, Reason reason, DateTimeOffset now) => new(tier, stars, card, reason, now);
}
