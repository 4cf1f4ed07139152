using System.Text.Json;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class DeriveTests
{
    private static CustomerProfile Busy()
    {
        var p = Customer(new DateOnly(2024, 11, 20), id => id with { Birthday = new DateOnly(1990, 11, 28), GroupId = "G1", FamilyDecisionMaker = true });
        p.Bills(("2026-07", 100), ("2026-08", 150), ("2026-09", 200), ("2026-10", 400));
        p.On(At(2026, 1, 1), new ProductChanged(Plan(dataMb: 100, broadband: false, contractEnd: Today.AddDays(9))));
        p.On(At(2026, 1, 2), new DeviceChanged(new DeviceInfo("Huawei", "P30", PriceBand.Mid, true, new DateOnly(2020, 1, 1))));
        p.Data("2026-11", 500).CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-3));
        p.Touch(Now.AddDays(-9), TouchpointKind.Complaint, reference: "T1", score: 1);
        p.On(At(2026, 10, 1), new BalanceReported(-5));
        return p;
    }

    [Fact]
    public void deriving_twice_changes_nothing_the_second_time()
    {
        var p = Busy();
        var first = p.Derive();
        Assert.Equal([DerivedSection.Tier, DerivedSection.Stage, DerivedSection.Tags, DerivedSection.Alerts, DerivedSection.Actions, DerivedSection.Satisfaction], first.Changed);
        var before = JsonSerializer.Serialize(p, DomainJson.Options);
        var second = p.Derive();
        Assert.Equal((0, (Customer360.Domain.Derived.TierChange?)null, 0, 0), (second.Changed.Count, second.TierChanged, second.AlertsRaised.Count, second.AlertsResolved.Count));
        Assert.Equal(before, JsonSerializer.Serialize(p, DomainJson.Options));
    }

    [Fact]
    public void deriving_later_with_nothing_due_changes_nothing()
    {
        var p = Busy();
        p.Derive();
        var due = p.NextDue()!.Value;
        Assert.Empty(p.Derive(Now + (due - Now) / 2).Changed);
    }

    [Fact]
    public void the_same_events_and_clock_give_the_same_profile_and_alert_ids()
    {
        var a = Busy();
        var b = Busy();
        a.Derive();
        b.Derive();
        Assert.Equal(JsonSerializer.Serialize(a.Derived, DomainJson.Options), JsonSerializer.Serialize(b.Derived, DomainJson.Options));
        Assert.All(a.Derived.Alerts, x => Assert.StartsWith($"C1-{x.Key}-", x.Id));
    }

    [Fact]
    public void a_derived_profile_survives_a_snapshot_round_trip_without_changing()
    {
        var p = Busy();
        p.Derive();
        var copy = JsonSerializer.Deserialize<CustomerProfile>(JsonSerializer.Serialize(p, DomainJson.Options), DomainJson.Options)!;
        Assert.Empty(copy.Derive().Changed);
    }

    [Fact]
    public void an_unregistered_profile_derives_nothing()
    {
        var p = new CustomerProfile { CustomerId = "X" };
        Assert.Same(DerivationResult.None, ProfileRules.Derive(p, RuleSettings.Defaults, Now));
        Assert.Null(p.Derived.Tier);
    }

    [Fact]
    public void the_settings_version_used_is_recorded()
    {
        var p = Customer();
        p.Derive(rules: RuleSettings.Defaults with { Version = 7 });
        Assert.Equal((7L, Now), (p.Derived.RulesVersion, p.Derived.EvaluatedAt!.Value));
    }
}
