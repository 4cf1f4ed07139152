using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class NextDueTests
{
    private static readonly RuleSettings NoHolidays = RuleSettings.Defaults with { Holidays = [] };

    public static TheoryData<string, Func<CustomerProfile>, DateTimeOffset, DateTimeOffset> Moments => new()
    {
        { "the month turns over", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(dataMb: 10)))).Data("2026-11", 11), Now, Midnight(new DateOnly(2026, 12, 1)) },
        { "exploring becomes forming at 90 days", () => Customer(new DateOnly(2026, 9, 1)), At(2026, 11, 20), Midnight(new DateOnly(2026, 11, 30)) },
        { "forming becomes stable at 12 months", () => Customer(new DateOnly(2025, 11, 26)), Now, Midnight(new DateOnly(2026, 11, 26)) },
        { "the birthday window opens 7 days ahead", () => Customer(identity: id => id with { Birthday = new DateOnly(1988, 11, 30) }), At(2026, 11, 20), Midnight(new DateOnly(2026, 11, 23)) },
        { "the birthday alert ends after the day", () => Customer(identity: id => id with { Birthday = new DateOnly(1988, 11, 25) }), Now, Midnight(new DateOnly(2026, 11, 26)) },
        { "the tenure anniversary", () => Customer(new DateOnly(2023, 11, 26)), Now, Midnight(new DateOnly(2026, 11, 26)) },
        { "the holiday window opens 3 days ahead", () => Customer(), Now, Midnight(new DateOnly(2026, 11, 25)) },
        { "the contract window opens 30 days ahead", () => Customer().Also(p => p.On(Now, new ProductChanged(Plan(contractEnd: new DateOnly(2026, 12, 20))))), At(2026, 11, 18), Midnight(new DateOnly(2026, 11, 20)) },
        { "the handset reaches 24 months", () => Customer().Also(p => p.On(Now, new DeviceChanged(new DeviceInfo("A", "B", PriceBand.Entry, false, new DateOnly(2024, 11, 27))))), Now, Midnight(new DateOnly(2026, 11, 27)) },
        { "arrears reach 31 days", () => Customer().Also(p => p.On(At(2026, 10, 20), new BalanceReported(-1))), At(2026, 11, 15), Midnight(new DateOnly(2026, 11, 20)) },
        { "a bill falls overdue", () => Customer().Also(p => p.On(At(2026, 11, 1), new BillClosed("2026-10", 99, new DateOnly(2026, 11, 24)))), Now, Midnight(new DateOnly(2026, 11, 25)) },
        { "a complaint passes 7 days", () => Customer().Touch(At(2026, 11, 10), TouchpointKind.Complaint, reference: "T1"), At(2026, 11, 12), Midnight(new DateOnly(2026, 11, 18)) },
        { "the competitor-call signal ages out", () => Customer().CompetitorCall(At(2026, 10, 25)).CompetitorCall(At(2026, 10, 26)).CompetitorCall(At(2026, 10, 27)), At(2026, 11, 20), At(2026, 11, 24) },
        { "a negative touchpoint leaves the satisfaction window", () => Customer().Touch(At(2026, 8, 30, 9), TouchpointKind.Call, score: 1), Now, At(2026, 11, 28, 9) },
        { "a customer with a silver A3 reaches the VIP tenure", () => Customer(new DateOnly(2025, 11, 28)).Bills(("2026-08", 300), ("2026-09", 300), ("2026-10", 300)), Now, Midnight(new DateOnly(2026, 11, 28)) },
    };

    [Theory]
    [MemberData(nameof(Moments))]
    public void next_due_is_the_first_moment_a_derivation_changes_something(string rule, Func<CustomerProfile> given, DateTimeOffset now, DateTimeOffset due)
    {
        var p = given();
        var rules = rule.Contains("holiday") ? RuleSettings.Defaults with { Holidays = [new Holiday("Winter Solstice", new DateOnly(2026, 11, 28))] } : NoHolidays;
        p.Derive(now, rules);
        var next = p.NextDue(now, rules);
        Assert.True(due == next, $"{rule}: expected {due:O}, got {next:O}");

        // Exact: nothing changes before it, something changes at it.
        Assert.Empty(p.Derive(due.AddTicks(-1), rules).Changed);
        Assert.NotEmpty(p.Derive(due, rules).Changed);
    }

    [Fact]
    public void a_declining_customer_is_due_back_after_60_quiet_days()
    {
        var p = Customer().Touch(At(2026, 10, 1), TouchpointKind.PortOutInquiry);
        p.Derive(At(2026, 10, 2), NoHolidays);
        Assert.Equal(At(2026, 10, 31), p.NextDue(At(2026, 10, 2), NoHolidays));
        p.Derive(At(2026, 10, 31), NoHolidays);
        p.Derive(At(2026, 12, 29), NoHolidays);
        Assert.Equal(At(2026, 12, 30), p.NextDue(At(2026, 12, 29), NoHolidays));
        Assert.Contains(DerivedSection.Stage, p.Derive(At(2026, 12, 30), NoHolidays).Changed);
        Assert.Equal(Customer360.Domain.Derived.LifecycleStage.Stable, p.Derived.Stage!.Stage);
    }

    [Fact]
    public void next_due_is_never_now_or_earlier()
    {
        var p = Customer(identity: id => id with { Birthday = Today });
        p.Touch(Now, TouchpointKind.Complaint, reference: "T1").CompetitorCall(Now).CompetitorCall(Now).CompetitorCall(Now);
        for (var at = Now.AddDays(-40); at < Now.AddDays(400); at = at.AddHours(7))
        {
            p.Derive(at);
            Assert.True(p.NextDue(at) > at, $"at {at:O}");
        }
    }

    [Fact]
    public void a_customer_without_plan_or_recent_usage_is_not_woken_at_the_month_turn()
    {
        var p = Customer().Data("2026-06", 10);
        p.Derive(Now, NoHolidays);
        Assert.Equal(Midnight(new DateOnly(2027, 1, 15)), p.NextDue(Now, NoHolidays));
    }

    [Fact]
    public void a_churned_customer_is_not_woken_every_month()
    {
        var p = Customer();
        p.On(At(2026, 11, 1), new AccountClosed(false));
        p.Derive(Now, NoHolidays);
        Assert.Null(p.NextDue(Now, NoHolidays));
    }

    [Fact]
    public void an_unregistered_profile_has_nothing_due()
    {
        Assert.Null(ProfileRules.NextDue(new CustomerProfile { CustomerId = "X" }, RuleSettings.Defaults, Now));
    }
}
