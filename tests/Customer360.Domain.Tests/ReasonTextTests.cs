using System.Reflection;
using System.Text.RegularExpressions;
using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed partial class ReasonTextTests
{
    private static IEnumerable<string> Constants() =>
        typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string> AllCodes() => new(Constants());

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void every_reason_code_has_english_and_chinese_words(string code)
    {
        var reason = new Reason(code);
        var en = ReasonText.Render(reason, "en");
        var zh = ReasonText.Render(reason, "zh-CN");
        Assert.NotEqual(code, en);
        Assert.NotEqual(code, zh);
        Assert.Matches(HanCharacter(), zh);
        Assert.DoesNotMatch(HanCharacter(), en);
    }

    [Fact]
    public void the_catalogue_has_no_code_the_rules_do_not_name()
    {
        Assert.Equal(Constants().Order(), ReasonText.Codes.Order());
    }

    public static TheoryData<Reason, string, string> Samples => new()
    {
        { new(ReasonCodes.TierMidHigh, Args(("a3", "420"), ("line", "360"), ("month", "2026-10"))), "Three-month billed revenue ¥420 reaches the mid/high line ¥360", "近三月出账420元，达到中高端标准360元" },
        { new(ReasonCodes.TierVip, Args(("card", "gold"), ("a3", "1600"), ("line", "1500"), ("month", "2026-10"))), "Gold VIP card: three-month billed revenue ¥1600 reaches ¥1500, a year or more with us and no arrears", "金卡VIP：近三月出账1600元，达到1500元，在网满一年且无欠费" },
        { new(ReasonCodes.DeclineCompetitorCalls, Args(("count", "3"), ("days", "30"))), "3 calls to other operators' service numbers in the last 30 days", "近30天拨打异网客服电话3次" },
        { new(ReasonCodes.AlertHoliday, Args(("name", "Spring Festival"), ("date", "2027-02-06"))), "Spring Festival on 2027-02-06", "节日：春节（2027-02-06）" },
        { new(ReasonCodes.AlertAutoResolved, Args(("kind", "arrears"))), "Cleared by itself: the arrears condition no longer holds", "欠费条件已消除，自动解除" },
        { new(ReasonCodes.AlertLowBalance, Args(("balance", "9.99"), ("line", "10"))), "Prepaid balance ¥9.99 is below ¥10", "预付费余额9.99元，低于10元" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void a_reason_reads_with_its_arguments_in_both_languages(Reason reason, string en, string zh)
    {
        Assert.Equal(en, ReasonText.Render(reason, "en"));
        Assert.Equal(zh, ReasonText.Render(reason, "zh"));
    }

    [Fact]
    public void an_unknown_code_renders_as_itself()
    {
        Assert.Equal("rule.fromTheFuture", ReasonText.Render(new Reason("rule.fromTheFuture", Args(("x", "1"))), "zh"));
    }

    [Fact]
    public void every_reason_a_busy_profile_gets_is_fully_worded()
    {
        var p = Customer(new DateOnly(2024, 11, 20), id => id with
        {
            Birthday = new DateOnly(1990, 11, 28), GroupId = "G1", GroupClass = GroupClass.B, KeyPerson = true, FamilyDecisionMaker = true,
        });
        p.Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 300));
        p.On(At(2026, 1, 1), new ProductChanged(Plan(dataMb: 100, broadband: false, contractEnd: Today.AddDays(9), mode: PaymentMode.Prepaid)));
        p.On(At(2026, 1, 2), new DeviceChanged(new DeviceInfo("Huawei", "P30", PriceBand.Mid, true, new DateOnly(2020, 1, 1))));
        p.Data("2026-08", 30_000).Data("2026-09", 30_000).Data("2026-10", 30_000).Data("2026-11", 500).Voice("2026-10", 3000);
        p.On(At(2026, 11, 2), new DataUsed(5, true));
        p.CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-3));
        p.Touch(Now.AddDays(-9), TouchpointKind.Complaint, reference: "T1").Touch(Now.AddDays(-2), TouchpointKind.PortOutInquiry);
        p.Touch(Now, TouchpointKind.CampaignAccepted, discount: true).Touch(Now, TouchpointKind.CampaignAccepted, discount: true);
        p.On(At(2026, 10, 1), new BalanceReported(-5));
        p.Derive(rules: RuleSettings.Defaults with { Holidays = [new Holiday("Winter Solstice", Today.AddDays(1))] });

        var d = p.Derived;
        var reasons = new[] { d.Tier!.Reason, d.Stage!.Reason }
            .Concat(d.Tags.Select(t => t.Reason!)).Concat(d.Alerts.Select(a => a.Reason)).Concat(d.Actions.Select(a => a.Reason)).ToList();
        Assert.True(reasons.Select(r => r.Code).Distinct().Count() >= 20, string.Join(", ", reasons.Select(r => r.Code).Distinct()));
        foreach (var reason in reasons)
            foreach (var language in new[] { "en", "zh" })
            {
                var text = ReasonText.Render(reason, language);
                Assert.True(ReasonText.Codes.Contains(reason.Code), reason.Code);
                Assert.DoesNotContain("{", text);
            }
    }

    private static ReasonArgs? Args(params (string Key, string Value)[] args) => ReasonArgs.Of(args);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacter();
}
