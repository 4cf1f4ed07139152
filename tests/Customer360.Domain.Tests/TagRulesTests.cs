using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class TagRulesTests
{
    private const decimal TwentyGb = 20 * 1024;

    private static CustomerProfile WithPlan(ProductHolding plan) => Customer().Also(p => p.On(At(2026, 1, 1), new ProductChanged(plan)));

    public static TheoryData<string, Func<CustomerProfile>, string, bool> Rules => new()
    {
        { "20 GB a month on average is data-heavy", () => Customer().Data("2026-08", TwentyGb - 1).Data("2026-09", TwentyGb + 1).Data("2026-10", TwentyGb), TagCodes.DataHeavy, true },
        { "just under 20 GB on average is not", () => Customer().Data("2026-08", TwentyGb).Data("2026-09", TwentyGb).Data("2026-10", TwentyGb - 3), TagCodes.DataHeavy, false },
        { "this month's data does not count yet", () => Customer().Data("2026-11", 3 * TwentyGb), TagCodes.DataHeavy, false },
        { "1000 minutes a month is voice-heavy", () => Customer().Voice("2026-08", 1000).Voice("2026-09", 1000).Voice("2026-10", 1000), TagCodes.VoiceHeavy, true },
        { "999 minutes is not", () => Customer().Voice("2026-08", 999).Voice("2026-09", 999).Voice("2026-10", 999), TagCodes.VoiceHeavy, false },
        { "roaming two months ago is a roamer", () => Customer().Also(p => p.On(At(2026, 9, 5), new DataUsed(1, true))), TagCodes.Roamer, true },
        { "roaming three months ago is not", () => Customer().Also(p => p.On(At(2026, 8, 31), new VoiceUsed(60, false, false, true))), TagCodes.Roamer, false },
        { "a dual-SIM handset", () => Customer().Also(p => p.On(Now, new DeviceChanged(new DeviceInfo("Xiaomi", "14", PriceBand.High, true, Today)))), TagCodes.DualSim, true },
        { "a handset 24 months old is a device upgrade candidate", () => Customer().Also(p => p.On(Now, new DeviceChanged(new DeviceInfo("Huawei", "P30", PriceBand.Mid, false, Today.AddMonths(-24))))), TagCodes.DeviceUpgradeCandidate, true },
        { "23 months is not", () => Customer().Also(p => p.On(Now, new DeviceChanged(new DeviceInfo("Huawei", "P30", PriceBand.Mid, false, Today.AddMonths(-23))))), TagCodes.DeviceUpgradeCandidate, false },
        { "a plan without broadband", () => WithPlan(Plan(broadband: false)), TagCodes.NoBroadband, true },
        { "a plan with broadband", () => WithPlan(Plan(broadband: true)), TagCodes.NoBroadband, false },
        { "two discount campaigns accepted is price-sensitive", () => Customer().Touch(Now, TouchpointKind.CampaignAccepted, discount: true).Touch(Now, TouchpointKind.CampaignAccepted, discount: true), TagCodes.PriceSensitive, true },
        { "one is not", () => Customer().Touch(Now, TouchpointKind.CampaignAccepted, discount: true), TagCodes.PriceSensitive, false },
        { "a key person", () => Customer(identity: id => id with { GroupId = "G1", GroupClass = GroupClass.A, KeyPerson = true }), TagCodes.KeyPerson, true },
        { "a family decision-maker", () => Customer(identity: id => id with { FamilyDecisionMaker = true }), TagCodes.FamilyDecisionMaker, true },
        { "89 days of tenure is a new customer", () => Customer(Today.AddDays(-89)), TagCodes.NewCustomer, true },
        { "90 days is not", () => Customer(Today.AddDays(-90)), TagCodes.NewCustomer, false },
        { "a declining customer is a high churn risk", () => Customer().Touch(Now.AddDays(-1), TouchpointKind.PortOutInquiry), TagCodes.HighChurnRisk, true },
        { "a stable customer is not", () => Customer(), TagCodes.HighChurnRisk, false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void each_automatic_tag_follows_its_rule_with_a_reason(string rule, Func<CustomerProfile> given, string code, bool tagged)
    {
        var p = given();
        p.Derive();
        var tag = p.Derived.Tags.SingleOrDefault(t => t.Code == code);
        Assert.True(tagged == tag is not null, rule);
        if (tag is not null) Assert.Equal((TagSource.Automatic, true), (tag.Source, tag.Reason is not null));
    }

    [Fact]
    public void a_tag_that_stays_keeps_the_time_it_was_first_given()
    {
        var p = Customer(identity: id => id with { FamilyDecisionMaker = true });
        p.Derive(At(2026, 11, 1));
        p.Derive(Now);
        Assert.Equal(At(2026, 11, 1), p.Derived.Tags.Single().At);
    }

    [Fact]
    public void manual_tags_are_kept_through_derivation_with_author_and_time()
    {
        var p = Customer(Today.AddDays(-10));
        Assert.Null(ManualTags.Add(p, "VIP lounge", "AM01", At(2026, 11, 1)));
        p.Derive();
        p.Derive(Now.AddDays(200));
        var manual = p.Derived.Tags.Single(t => t.Source == TagSource.Manual);
        Assert.Equal(("VIP lounge", "AM01", At(2026, 11, 1)), (manual.Code, manual.Author, manual.At));
        Assert.DoesNotContain(p.Derived.Tags, t => t.Code == TagCodes.NewCustomer);
    }

    public static TheoryData<string, string, string> AddRefusals => new()
    {
        { "empty", " ", "a tag must be 1 to 32 characters" },
        { "33 characters", new string('x', 33), "a tag must be 1 to 32 characters" },
        { "an automatic code", "Data-Heavy", "'Data-Heavy' is an automatic tag and is set by the rules" },
        { "a duplicate", "golf", "the customer already has the tag 'golf'" },
        { "a duplicate in other case", "GOLF", "the customer already has the tag 'GOLF'" },
    };

    [Theory]
    [MemberData(nameof(AddRefusals))]
    public void a_manual_tag_is_refused_when_invalid(string rule, string code, string refusal)
    {
        var p = Customer();
        ManualTags.Add(p, "golf", "AM01", Now);
        Assert.True(refusal == ManualTags.Add(p, code, "AM01", Now), rule);
    }

    [Fact]
    public void a_32_character_manual_tag_is_accepted_and_can_be_removed()
    {
        var p = Customer();
        var code = new string('x', 32);
        Assert.Null(ManualTags.Add(p, code, "AM01", Now));
        Assert.Null(ManualTags.Remove(p, code));
        Assert.Empty(p.Derived.Tags);
        Assert.Equal($"the customer has no tag '{code}'", ManualTags.Remove(p, code));
    }

    [Fact]
    public void an_automatic_tag_cannot_be_removed_by_hand()
    {
        var p = Customer(identity: id => id with { FamilyDecisionMaker = true });
        p.Derive();
        Assert.Equal("'family-decision-maker' is an automatic tag and cannot be removed", ManualTags.Remove(p, TagCodes.FamilyDecisionMaker));
        Assert.Single(p.Derived.Tags);
    }
}
