using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class TierRulesTests
{
    private static CustomerProfile WithA3(decimal a3, Func<CustomerIdentity, CustomerIdentity>? identity = null, DateOnly? joined = null)
    {
        var third = Math.Round(a3 / 3, 2);
        return Customer(joined, identity).Bills(("2026-08", third), ("2026-09", third), ("2026-10", a3 - 2 * third));
    }

    public static TheoryData<string, decimal, Tier, int, VipCard> A3Lines => new()
    {
        { "no bill yet", 0, Tier.Mass, 1, VipCard.None },
        { "89 is one star", 89, Tier.Mass, 1, VipCard.None },
        { "90 is two stars", 90, Tier.Mass, 2, VipCard.None },
        { "179 is two stars", 179, Tier.Mass, 2, VipCard.None },
        { "180 is three stars", 180, Tier.Mass, 3, VipCard.None },
        { "269 is three stars", 269, Tier.Mass, 3, VipCard.None },
        { "270 is four stars", 270, Tier.Mass, 4, VipCard.None },
        { "359 is still mass", 359, Tier.Mass, 4, VipCard.None },
        { "360 is mid/high", 360, Tier.MidHigh, 0, VipCard.None },
        { "899 is mid/high", 899, Tier.MidHigh, 0, VipCard.None },
        { "900 is a silver card", 900, Tier.Strategic, 0, VipCard.Silver },
        { "1499 is silver", 1499, Tier.Strategic, 0, VipCard.Silver },
        { "1500 is gold", 1500, Tier.Strategic, 0, VipCard.Gold },
        { "2999 is gold", 2999, Tier.Strategic, 0, VipCard.Gold },
        { "3000 is diamond", 3000, Tier.Strategic, 0, VipCard.Diamond },
    };

    [Theory]
    [MemberData(nameof(A3Lines))]
    public void tier_follows_three_month_billed_revenue(string rule, decimal a3, Tier tier, int stars, VipCard card)
    {
        var p = a3 == 0 ? Customer() : WithA3(a3);
        p.Derive();
        var t = p.Derived.Tier!;
        Assert.True((tier, stars, card) == (t.Tier, t.Stars, t.Card), $"{rule}: got {t.Tier} {t.Stars} {t.Card}");
    }

    public static TheoryData<string, decimal, Func<CustomerIdentity, CustomerIdentity>, DateOnly?, Tier> Membership => new()
    {
        { "group member at 360 is group mid/high", 360, id => id with { GroupId = "G1", GroupClass = GroupClass.C }, null, Tier.GroupMidHigh },
        { "group member at 359 is mass", 359, id => id with { GroupId = "G1", GroupClass = GroupClass.C }, null, Tier.Mass },
        { "key person of an A group is strategic", 50, id => id with { GroupId = "G1", GroupClass = GroupClass.A, KeyPerson = true }, null, Tier.Strategic },
        { "key person of a B group is strategic", 50, id => id with { GroupId = "G1", GroupClass = GroupClass.B, KeyPerson = true }, null, Tier.Strategic },
        { "key person of a C group is not", 50, id => id with { GroupId = "G1", GroupClass = GroupClass.C, KeyPerson = true }, null, Tier.Mass },
        { "900 with 11 months of tenure is mid/high", 900, id => id, new DateOnly(2025, 12, 24), Tier.MidHigh },
        { "900 with 12 months of tenure is strategic", 900, id => id, new DateOnly(2025, 11, 23), Tier.Strategic },
    };

    [Theory]
    [MemberData(nameof(Membership))]
    public void tier_follows_group_membership_and_vip_tenure(string rule, decimal a3, Func<CustomerIdentity, CustomerIdentity> identity, DateOnly? joined, Tier tier)
    {
        var p = WithA3(a3, identity, joined);
        p.Derive();
        Assert.True(tier == p.Derived.Tier!.Tier, $"{rule}: got {p.Derived.Tier.Tier}");
    }

    [Fact]
    public void a_customer_in_arrears_gets_no_vip_card()
    {
        var p = WithA3(900);
        p.On(At(2026, 11, 5), new BalanceReported(-5));
        p.Derive();
        Assert.Equal(Tier.MidHigh, p.Derived.Tier!.Tier);
    }

    [Fact]
    public void only_the_three_latest_calendar_months_count()
    {
        var p = Customer().Bills(("2026-06", 900), ("2026-07", 900), ("2026-09", 100), ("2026-10", 100));
        p.Derive();
        Assert.Equal(("200", Tier.Mass, 3), (p.Derived.Tier!.Reason.Args!["a3"], p.Derived.Tier.Tier, p.Derived.Tier.Stars));
    }

    [Fact]
    public void tier_upgrades_as_soon_as_a_closed_month_lifts_a3_to_360()
    {
        var p = Customer().Bills(("2026-08", 100), ("2026-09", 100), ("2026-10", 100));
        p.Derive(At(2026, 11, 2));
        Assert.Equal(Tier.Mass, p.Derived.Tier!.Tier);
        p.Bills(("2026-11", 160));
        var result = p.Derive(At(2026, 12, 1, 3));
        Assert.Equal(Tier.MidHigh, p.Derived.Tier!.Tier);
        var change = Assert.IsType<TierChange>(result.TierChanged);
        Assert.Equal((Tier.Mass, 4, Tier.MidHigh, 0, ReasonCodes.TierMidHigh, At(2026, 12, 1, 3)),
            (change.From, change.FromStars, change.To, change.ToStars, change.Reason.Code, change.At));
        Assert.Contains(DerivedSection.Tier, result.Changed);
        Assert.Equal([change], p.Derived.TierHistory);
    }

    [Fact]
    public void a_late_bill_for_a_month_in_the_window_upgrades_at_once()
    {
        var p = Customer().Bills(("2026-08", 150), ("2026-10", 150));
        p.Derive(At(2026, 11, 2));
        Assert.Equal(Tier.Mass, p.Derived.Tier!.Tier);
        p.Bills(("2026-09", 100));
        Assert.NotNull(p.Derive(At(2026, 11, 3)).TierChanged);
        Assert.Equal(Tier.MidHigh, p.Derived.Tier!.Tier);
    }

    [Fact]
    public void tier_downgrades_only_when_the_next_billing_month_closes()
    {
        var p = WithA3(900);
        p.Derive(At(2026, 11, 2));
        Assert.Equal(VipCard.Silver, p.Derived.Tier!.Card);

        // Arrears cost the VIP card, but not within the month: no flapping.
        p.On(At(2026, 11, 5), new BalanceReported(-5));
        var within = p.Derive(At(2026, 11, 6));
        Assert.Equal((Tier.Strategic, (TierChange?)null), (p.Derived.Tier!.Tier, within.TierChanged));
        Assert.DoesNotContain(DerivedSection.Tier, within.Changed);

        p.Bills(("2026-11", 300));
        var atClose = p.Derive(At(2026, 12, 1, 3));
        Assert.Equal((Tier.Strategic, Tier.MidHigh), (atClose.TierChanged!.From, atClose.TierChanged.To));
    }

    [Fact]
    public void a_late_corrected_bill_for_an_older_month_never_downgrades_on_its_own()
    {
        var p = Customer().Bills(("2026-08", 200), ("2026-09", 200), ("2026-10", 200));
        p.Derive(At(2026, 11, 2));
        Assert.Equal(Tier.MidHigh, p.Derived.Tier!.Tier);

        p.On(At(2026, 11, 10), new BillClosed("2026-09", 10, null));
        var late = p.Derive(At(2026, 11, 10));
        Assert.Equal((Tier.MidHigh, (TierChange?)null), (p.Derived.Tier!.Tier, late.TierChanged));

        p.Bills(("2026-11", 50));
        Assert.Equal(Tier.Mass, p.Derive(At(2026, 12, 1, 3)).TierChanged!.To);
    }

    [Fact]
    public void a_lower_month_close_downgrades_to_the_right_star()
    {
        var p = Customer().Bills(("2026-08", 200), ("2026-09", 200), ("2026-10", 200));
        p.Derive(At(2026, 11, 2));
        p.Bills(("2026-11", 0), ("2026-12", 0));
        var result = p.Derive(At(2027, 1, 1, 3));
        Assert.Equal((Tier.MidHigh, Tier.Mass, 3), (result.TierChanged!.From, result.TierChanged.To, result.TierChanged.ToStars));
        Assert.Equal(ReasonCodes.TierMass, p.Derived.Tier!.Reason.Code);
    }

    [Fact]
    public void losing_key_person_status_waits_for_the_month_close()
    {
        var p = WithA3(50, id => id with { GroupId = "G1", GroupClass = GroupClass.A, KeyPerson = true });
        p.Derive(At(2026, 11, 2));
        p.On(At(2026, 11, 3), new CustomerUpdated(null, null, null, null, null, null, null, null, null, null, null, null, false, null));
        p.Derive(At(2026, 11, 3));
        Assert.Equal(Tier.Strategic, p.Derived.Tier!.Tier);
        p.Bills(("2026-11", 10));
        p.Derive(At(2026, 12, 1, 3));
        Assert.Equal(Tier.Mass, p.Derived.Tier!.Tier);
    }

    [Fact]
    public void the_mid_high_base_is_kept_after_a_downgrade()
    {
        var p = WithA3(360);
        p.Derive(At(2026, 11, 2));
        Assert.True(p.Derived.InMidHighBase);
        p.Bills(("2026-11", 0), ("2026-12", 0));
        p.Derive(At(2027, 1, 1, 3));
        Assert.Equal((Tier.Mass, true), (p.Derived.Tier!.Tier, p.Derived.InMidHighBase));
    }

    [Fact]
    public void retention_counts_base_customers_still_active_and_mid_high()
    {
        var p = WithA3(360);
        p.Derive(At(2026, 11, 2));
        Assert.True(ProfileRules.IsRetained(p));
        p.Bills(("2026-11", 0));
        p.Derive(At(2026, 12, 1, 3));
        Assert.False(ProfileRules.IsRetained(p));
        Assert.False(ProfileRules.IsRetained(Customer()));
        var closed = WithA3(900);
        closed.Derive(At(2026, 11, 2));
        closed.On(At(2026, 11, 3), new AccountClosed(false));
        Assert.False(ProfileRules.IsRetained(closed));
    }

    [Fact]
    public void tier_history_keeps_the_last_24_changes()
    {
        var p = Customer(new DateOnly(2020, 1, 1));
        var month = new DateOnly(2023, 1, 1);
        for (var i = 0; i < 30; i++, month = month.AddMonths(1))
        {
            p.Bills((month.ToString("yyyy-MM"), i % 2 == 0 ? 500 : 0));
            p.Derive(Midnight(month.AddMonths(1)).AddHours(3));
        }
        Assert.Equal(24, p.Derived.TierHistory.Count);
        Assert.All(p.Derived.TierHistory, c => Assert.NotEqual(c.From, c.To));
        Assert.Equal(Midnight(new DateOnly(2025, 7, 1)).AddHours(3), p.Derived.TierHistory[^1].At);
    }

    [Fact]
    public void a_tier_reason_names_the_revenue_and_the_line()
    {
        var p = WithA3(420);
        p.Derive();
        var reason = p.Derived.Tier!.Reason;
        Assert.Equal((ReasonCodes.TierMidHigh, "420", "360", "2026-10"), (reason.Code, reason.Args!["a3"], reason.Args["line"], reason.Args["month"]));
    }

    [Fact]
    public void settings_move_the_lines()
    {
        var p = WithA3(300);
        p.Derive(rules: RuleSettings.Defaults with { MidHighA3 = 300, StarLines = [50, 100, 150] });
        Assert.Equal(Tier.MidHigh, p.Derived.Tier!.Tier);
    }
}
