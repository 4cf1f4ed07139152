using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class ActionRulesTests
{
    private static IReadOnlyList<string> Codes(CustomerProfile p)
    {
        p.Derive();
        return p.Derived.Actions.Select(a => a.Code).ToList();
    }

    public static TheoryData<string, Func<CustomerProfile>, string> Prompts => new()
    {
        { "arrears prompt a reminder", () => Customer().Also(p => p.On(Now, new BalanceReported(-3))), ActionCodes.ArrearsReminder },
        { "a complaint prompts handling", () => Customer().Touch(Now, TouchpointKind.Complaint, reference: "T1"), ActionCodes.ComplaintHandling },
        { "low prepaid balance prompts payment help", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(mode: PaymentMode.Prepaid)))), ActionCodes.BillPaymentHelp },
        { "declining prompts a retention offer", () => Customer().Touch(Now, TouchpointKind.PortOutInquiry), ActionCodes.RetentionOffer },
        { "an expiring contract prompts renewal", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(contractEnd: Today.AddDays(10))))), ActionCodes.ContractRenewal },
        { "saturation prompts plan fit", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(dataMb: 10)))).Data("2026-11", 11), ActionCodes.PlanFit },
        { "under-use prompts plan fit", () => Customer().Also(p => p.On(At(2026, 1, 1), new ProductChanged(Plan()))), ActionCodes.PlanFit },
        { "an aging handset prompts a new device", () => Customer().Also(p => p.On(Now, new DeviceChanged(new DeviceInfo("A", "B", PriceBand.Entry, false, Today.AddYears(-3))))), ActionCodes.NewDevice },
        { "no broadband prompts a smart-home trial", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(broadband: false)))), ActionCodes.SmartHomeTrial },
        { "no broadband prompts a bundle", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(broadband: false)))), ActionCodes.BroadbandBundle },
        { "a birthday prompts care", () => Customer(identity: id => id with { Birthday = Today.AddDays(2) }), ActionCodes.BirthdayCare },
        { "exploring prompts a small trial offer", () => Customer(Today.AddDays(-10)), ActionCodes.TrialOffer },
        { "forming prompts a small trial offer", () => Customer(Today.AddDays(-100)), ActionCodes.TrialOffer },
        { "stable prompts raising value", () => Customer(), ActionCodes.UpgradeGiftPack },
        { "stable mid/high prompts a referral reward", () => Customer().Bills(("2026-08", 120), ("2026-09", 120), ("2026-10", 120)), ActionCodes.ReferralReward },
    };

    [Theory]
    [MemberData(nameof(Prompts))]
    public void each_action_is_recommended_when_its_cause_holds(string rule, Func<CustomerProfile> given, string code)
    {
        Assert.True(Codes(given()).Contains(code), rule);
    }

    [Fact]
    public void stable_mass_customers_get_no_referral_reward_and_newcomers_no_value_raising()
    {
        Assert.DoesNotContain(ActionCodes.ReferralReward, Codes(Customer()));
        Assert.DoesNotContain(ActionCodes.UpgradeGiftPack, Codes(Customer(Today.AddDays(-10))));
    }

    [Fact]
    public void actions_are_ordered_by_urgency_each_with_its_reason()
    {
        var p = Customer().Touch(Now, TouchpointKind.PortOutInquiry).Touch(Now, TouchpointKind.Complaint, reference: "T1");
        p.On(Now, new BalanceReported(-3));
        p.On(Now, new ProductChanged(Plan(broadband: false, contractEnd: Today.AddDays(3))));
        p.Derive();
        Assert.Equal(
            [ActionCodes.ArrearsReminder, ActionCodes.ComplaintHandling, ActionCodes.RetentionOffer, ActionCodes.ContractRenewal, ActionCodes.SmartHomeTrial, ActionCodes.BroadbandBundle],
            p.Derived.Actions.Select(a => a.Code).Where(c => c != ActionCodes.PlanFit));
        Assert.Equal((ActionFamily.Business, ReasonCodes.AlertArrears), (p.Derived.Actions[0].Family, p.Derived.Actions[0].Reason.Code));
    }

    [Fact]
    public void a_resolved_alert_no_longer_prompts_its_action()
    {
        var p = Customer(identity: id => id with { Birthday = Today.AddDays(2) });
        p.Derive();
        var birthday = p.Derived.Alerts.Single(a => a.Kind == AlertKind.Birthday);
        AlertActions.Resolve(p, birthday.Id, "sent greetings and a data gift", "PM01", Now);
        var result = p.Derive();
        Assert.DoesNotContain(ActionCodes.BirthdayCare, p.Derived.Actions.Select(a => a.Code));
        Assert.Contains(DerivedSection.Actions, result.Changed);
    }

    [Fact]
    public void a_churned_customer_is_only_chased_for_money_and_complaints()
    {
        var p = Customer().Touch(Now, TouchpointKind.Complaint, reference: "T1");
        p.On(Now, new BalanceReported(-3));
        p.On(Now, new AccountClosed(true));
        Assert.Equal([ActionCodes.ArrearsReminder, ActionCodes.ComplaintHandling], Codes(p));
    }
}
