using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class AlertRulesTests
{
    private static readonly DeviceInfo Phone = new("Huawei", "P30", PriceBand.Mid, false, Today.AddMonths(-24));

    private static CustomerProfile WithPlan(ProductHolding plan)
    {
        var p = Customer();
        p.On(At(2026, 1, 1), new ProductChanged(plan));
        return p;
    }

    public static TheoryData<string, Func<CustomerProfile>, AlertKind, bool> Catalogue => new()
    {
        { "bill +50% on the trailing average is a spike", () => Customer().Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 150)), AlertKind.SpendSpike, true },
        { "bill +49% is not", () => Customer().Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 149)), AlertKind.SpendSpike, false },
        { "bill -40% is a drop", () => Customer().Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 60)), AlertKind.SpendDrop, true },
        { "bill -39% is not", () => Customer().Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 61)), AlertKind.SpendDrop, false },
        { "no trailing months, no spike", () => Customer().Bills(("2026-10", 900)), AlertKind.SpendSpike, false },
        { "data at 100% of the allowance is not saturation", () => WithPlan(Plan(dataMb: 1000)).Data("2026-11", 1000), AlertKind.PlanSaturation, false },
        { "data over 100% is saturation", () => WithPlan(Plan(dataMb: 1000)).Data("2026-11", 1000.5m), AlertKind.PlanSaturation, true },
        { "voice over 100% is saturation", () => WithPlan(Plan(voiceMinutes: 100)).Voice("2026-11", 101), AlertKind.PlanSaturation, true },
        { "last month's saturation is over", () => WithPlan(Plan(dataMb: 1000)).Data("2026-10", 5000), AlertKind.PlanSaturation, false },
        { "under 30% two months running is under-use", () => WithPlan(Plan(dataMb: 1000, voiceMinutes: 100)).Data("2026-09", 299).Voice("2026-09", 29).Data("2026-10", 10).Voice("2026-10", 1), AlertKind.PlanUnderUse, true },
        { "exactly 30% in one month is not", () => WithPlan(Plan(dataMb: 1000, voiceMinutes: 100)).Data("2026-09", 300).Voice("2026-09", 10).Data("2026-10", 10), AlertKind.PlanUnderUse, false },
        { "voice used fully is not under-use", () => WithPlan(Plan(dataMb: 1000, voiceMinutes: 100)).Voice("2026-09", 100).Voice("2026-10", 100), AlertKind.PlanUnderUse, false },
        { "contract ending in 30 days", () => WithPlan(Plan(contractEnd: Today.AddDays(30))), AlertKind.ContractExpiring, true },
        { "contract ending in 31 days", () => WithPlan(Plan(contractEnd: Today.AddDays(31))), AlertKind.ContractExpiring, false },
        { "contract ended yesterday", () => WithPlan(Plan(contractEnd: Today.AddDays(-1))), AlertKind.ContractExpiring, false },
        { "balance below zero is arrears", () => Customer().Also(p => p.On(Now.AddDays(-1), new BalanceReported(-0.01m))), AlertKind.Arrears, true },
        { "a bill unpaid past its due date is arrears", () => Customer().Also(p => p.On(At(2026, 11, 1), new BillClosed("2026-10", 50, Today.AddDays(-1)))), AlertKind.Arrears, true },
        { "a bill not yet due is not", () => Customer().Also(p => p.On(At(2026, 11, 1), new BillClosed("2026-10", 50, Today))), AlertKind.Arrears, false },
        { "prepaid balance 9.99 is low", () => WithPlan(Plan(mode: PaymentMode.Prepaid)).Also(p => p.On(Now, new BalanceReported(9.99m))), AlertKind.LowBalance, true },
        { "prepaid balance 10 is not", () => WithPlan(Plan(mode: PaymentMode.Prepaid)).Also(p => p.On(Now, new BalanceReported(10))), AlertKind.LowBalance, false },
        { "postpaid balance 5 is not", () => WithPlan(Plan()).Also(p => p.On(Now, new BalanceReported(5))), AlertKind.LowBalance, false },
        { "a handset in use 24 months", () => Customer().Also(p => p.On(Now, new DeviceChanged(Phone))), AlertKind.DeviceAging, true },
        { "a handset in use a day short of 24 months", () => Customer().Also(p => p.On(Now, new DeviceChanged(Phone with { InUseSince = Phone.InUseSince.AddDays(1) }))), AlertKind.DeviceAging, false },
        { "an open complaint", () => Customer().Touch(Now.AddHours(-1), TouchpointKind.Complaint, reference: "T1"), AlertKind.Complaint, true },
        { "birthday in 7 days", () => Customer(identity: id => id with { Birthday = new DateOnly(1990, 11, 30) }), AlertKind.Birthday, true },
        { "birthday today", () => Customer(identity: id => id with { Birthday = new DateOnly(1990, 11, 23) }), AlertKind.Birthday, true },
        { "birthday in 8 days", () => Customer(identity: id => id with { Birthday = new DateOnly(1990, 12, 1) }), AlertKind.Birthday, false },
        { "birthday yesterday", () => Customer(identity: id => id with { Birthday = new DateOnly(1990, 11, 22) }), AlertKind.Birthday, false },
        { "tenure anniversary today", () => Customer(new DateOnly(2024, 11, 23)), AlertKind.Anniversary, true },
        { "anniversary six days ago", () => Customer(new DateOnly(2024, 11, 17)), AlertKind.Anniversary, true },
        { "anniversary seven days ago", () => Customer(new DateOnly(2024, 11, 16)), AlertKind.Anniversary, false },
        { "anniversary tomorrow", () => Customer(new DateOnly(2024, 11, 24)), AlertKind.Anniversary, false },
        { "joining day is no anniversary", () => Customer(Today), AlertKind.Anniversary, false },
        { "three competitor calls are a churn risk", () => Customer().CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-3)), AlertKind.ChurnRisk, true },
    };

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void each_alert_is_raised_exactly_when_its_condition_holds(string rule, Func<CustomerProfile> given, AlertKind kind, bool raised)
    {
        var p = given();
        p.Derive();
        Assert.True(raised == p.Derived.Alerts.Any(a => a.Kind == kind && a.State == AlertState.Open), rule);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void a_configured_holiday_is_raised_within_its_days(int daysAhead, bool raised)
    {
        var rules = RuleSettings.Defaults with { Holidays = [new Holiday("Winter Solstice", Today.AddDays(daysAhead))] };
        var p = Customer();
        p.Derive(rules: rules);
        var holiday = p.Derived.Alerts.SingleOrDefault(a => a.Kind == AlertKind.Holiday);
        Assert.Equal(raised, holiday is not null);
        if (raised) Assert.Equal(($"holiday:{Today.AddDays(daysAhead):yyyy-MM-dd}", AlertCategory.Care), (holiday!.Key, holiday.Category));
    }

    [Fact]
    public void two_holidays_on_one_date_raise_one_alert()
    {
        var date = Today.AddDays(1);
        var p = Customer();
        p.Derive(rules: RuleSettings.Defaults with { Holidays = [new Holiday("A", date), new Holiday("B", date)] });
        Assert.Single(p.Derived.Alerts, a => a.Kind == AlertKind.Holiday);
    }

    public static TheoryData<string, Func<CustomerIdentity, CustomerIdentity>, decimal, AlertSeverity> ChurnSeverities => new()
    {
        { "strategic is critical", id => id with { GroupId = "G", GroupClass = GroupClass.A, KeyPerson = true }, 0, AlertSeverity.Critical },
        { "mid/high is high", id => id, 400, AlertSeverity.High },
        { "group mid/high is high", id => id with { GroupId = "G" }, 400, AlertSeverity.High },
        { "mass is medium", id => id, 100, AlertSeverity.Medium },
    };

    [Theory]
    [MemberData(nameof(ChurnSeverities))]
    public void churn_risk_severity_follows_the_tier(string rule, Func<CustomerIdentity, CustomerIdentity> identity, decimal a3, AlertSeverity severity)
    {
        var p = Customer(identity: identity).Bills(("2026-08", a3 / 2), ("2026-09", 0), ("2026-10", a3 / 2));
        p.Touch(Now.AddDays(-1), TouchpointKind.PortOutInquiry);
        p.Derive();
        var alert = p.Derived.Alerts.Single(a => a.Kind == AlertKind.ChurnRisk);
        Assert.True(severity == alert.Severity, rule);
        Assert.Equal((AlertCategory.Service, ReasonCodes.DeclinePortOutInquiry), (alert.Category, alert.Reason.Code));
    }

    [Fact]
    public void a_raised_alert_carries_owner_time_state_and_a_replayable_id()
    {
        var p = Customer().Touch(Now.AddHours(-1), TouchpointKind.Complaint, reference: "T1");
        var result = p.Derive();
        var alert = Assert.Single(result.AlertsRaised);
        Assert.Equal(("C1-complaint:T1-2", "complaint:T1", "PM01", Now, AlertState.Open, AlertSeverity.Medium),
            (alert.Id, alert.Key, alert.Owner, alert.RaisedAt, alert.State, alert.Severity));
        Assert.Contains(DerivedSection.Alerts, result.Changed);
    }

    [Fact]
    public void raising_again_does_not_duplicate_but_updates_severity_and_reason()
    {
        var p = Customer().Touch(At(2026, 11, 20), TouchpointKind.Complaint, reference: "T1");
        p.Derive(At(2026, 11, 21));
        var again = p.Derive(At(2026, 11, 22));
        Assert.Empty(again.AlertsRaised);
        Assert.DoesNotContain(DerivedSection.Alerts, again.Changed);

        var overdue = p.Derive(At(2026, 11, 29));
        var alert = Assert.Single(p.Derived.Alerts, a => a.Kind == AlertKind.Complaint);
        Assert.DoesNotContain(overdue.AlertsRaised, a => a.Kind == AlertKind.Complaint);
        Assert.Contains(overdue.AlertsRaised, a => a.Kind == AlertKind.ChurnRisk);
        Assert.Equal((AlertSeverity.High, ReasonCodes.AlertComplaintOverdue), (alert.Severity, alert.Reason.Code));
    }

    [Fact]
    public void an_alert_resolves_itself_when_its_condition_clears()
    {
        var p = Customer().Touch(At(2026, 11, 20), TouchpointKind.Complaint, reference: "T1");
        p.Derive(At(2026, 11, 20));
        p.Touch(At(2026, 11, 22), TouchpointKind.ComplaintResolved, reference: "T1");
        var result = p.Derive(At(2026, 11, 22));
        var alert = Assert.Single(result.AlertsResolved);
        Assert.Equal((AlertState.Resolved, At(2026, 11, 22), ReasonCodes.AlertAutoResolved, (string?)null),
            (alert.State, alert.ResolvedAt!.Value, alert.Resolution!.Code, alert.ResolvedBy));
    }

    [Fact]
    public void a_snoozed_alert_opens_again_when_the_snooze_runs_out()
    {
        var p = Customer().Touch(At(2026, 11, 20), TouchpointKind.Complaint, reference: "T1");
        p.Derive(At(2026, 11, 20));
        var alert = p.Derived.Alerts.Single();
        Assert.Null(AlertActions.Snooze(p, alert.Id, At(2026, 11, 21, 9), "PM01", At(2026, 11, 20)));
        Assert.Equal(At(2026, 11, 21, 9), p.NextDue(At(2026, 11, 20, 13)));

        p.Derive(At(2026, 11, 21, 8));
        Assert.Equal(AlertState.Snoozed, alert.State);
        var result = p.Derive(At(2026, 11, 21, 9));
        Assert.Equal((AlertState.Open, (DateTimeOffset?)null), (alert.State, alert.SnoozedUntil));
        Assert.Contains(DerivedSection.Alerts, result.Changed);
    }

    [Fact]
    public void a_snoozed_alert_whose_condition_clears_is_resolved()
    {
        var p = Customer();
        p.On(At(2026, 11, 1), new BalanceReported(-5));
        p.Derive(At(2026, 11, 2));
        var alert = p.Derived.Alerts.Single(a => a.Kind == AlertKind.Arrears);
        AlertActions.Snooze(p, alert.Id, At(2026, 12, 1), "PM01", At(2026, 11, 2));
        p.On(At(2026, 11, 3), new PaymentMade(10, null));
        p.Derive(At(2026, 11, 3));
        Assert.Equal(AlertState.Resolved, alert.State);
    }

    [Fact]
    public void a_walk_in_alert_is_never_resolved_by_the_rules()
    {
        var p = Customer();
        p.Derived.Alerts.Add(new Alert
        {
            Id = "C1-walk-in-1", Key = "walk-in:S01", Kind = AlertKind.WalkIn, Category = AlertCategory.Service,
            Reason = new Reason(ReasonCodes.AlertWalkIn, ReasonArgs.Of(("store", "S01"))), RaisedAt = Now, State = AlertState.Open,
        });
        var result = p.Derive();
        Assert.Equal(AlertState.Open, p.Derived.Alerts.Single().State);
        Assert.Empty(result.AlertsResolved);
    }

    [Fact]
    public void an_alert_resolved_by_staff_is_not_raised_again_until_its_condition_has_cleared()
    {
        var p = Customer();
        p.On(At(2026, 11, 1), new BalanceReported(-5));
        p.Derive(At(2026, 11, 2));
        var first = p.Derived.Alerts.Single(a => a.Kind == AlertKind.Arrears);
        Assert.Null(AlertActions.Resolve(p, first.Id, "promised to pay on Friday", "PM01", At(2026, 11, 2)));
        Assert.Empty(p.Derive(At(2026, 11, 3)).AlertsRaised);

        p.On(At(2026, 11, 6), new PaymentMade(5, null));
        p.Derive(At(2026, 11, 6));
        Assert.Equal("2026-11-06", first.Resolution!.Args!["conditionClearedOn"]);
        p.On(At(2026, 11, 9), new BalanceReported(-1));
        var second = Assert.Single(p.Derive(At(2026, 11, 9)).AlertsRaised);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void resolved_alerts_are_kept_to_the_last_twenty()
    {
        var p = Customer();
        for (var i = 0; i < 25; i++)
        {
            p.Touch(Now.AddHours(i), TouchpointKind.Complaint, reference: $"T{i}");
            p.Derive(Now.AddHours(i));
            p.Touch(Now.AddHours(i).AddMinutes(30), TouchpointKind.ComplaintResolved, reference: $"T{i}");
            p.Derive(Now.AddHours(i).AddMinutes(30));
        }
        Assert.Equal(20, p.Derived.Alerts.Count);
        Assert.Equal("complaint:T5", p.Derived.Alerts[0].Key);
        Assert.Equal(p.Derived.Alerts.Count, p.Derived.Alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void each_birthday_is_its_own_alert_by_year()
    {
        var p = Customer(identity: id => id with { Birthday = new DateOnly(1990, 11, 25) });
        p.Derive();
        Assert.Equal("birthday:2026", p.Derived.Alerts.Single(a => a.Kind == AlertKind.Birthday).Key);
        p.Derive(At(2026, 11, 26));
        Assert.Equal(AlertState.Resolved, p.Derived.Alerts.Single(a => a.Kind == AlertKind.Birthday).State);
        p.Derive(At(2027, 11, 20));
        Assert.Equal("birthday:2027", p.Derived.Alerts.Single(a => a.Kind == AlertKind.Birthday && a.State == AlertState.Open).Key);
    }

    [Fact]
    public void a_birthday_window_crossing_new_year_is_found()
    {
        var p = Customer(identity: id => id with { Birthday = new DateOnly(1990, 1, 2) });
        p.Derive(At(2026, 12, 28));
        Assert.Equal("birthday:2027", p.Derived.Alerts.Single(a => a.Kind == AlertKind.Birthday).Key);
    }

    [Fact]
    public void a_churned_customer_keeps_only_arrears_and_complaint_alerts()
    {
        var p = WithPlan(Plan(contractEnd: Today.AddDays(5)));
        p.On(At(2026, 11, 1), new BalanceReported(-5));
        p.Touch(Now.AddDays(-1), TouchpointKind.PortOutInquiry);
        p.Derive(Now.AddDays(-1));
        Assert.Contains(p.Derived.Alerts, a => a.Kind == AlertKind.ContractExpiring);
        p.On(Now, new AccountClosed(true));
        p.Derive();
        Assert.Equal([AlertKind.Arrears], p.Derived.Alerts.Where(a => a.State == AlertState.Open).Select(a => a.Kind));
    }
}

internal static class ProfileExtensions
{
    public static CustomerProfile Also(this CustomerProfile p, Action<CustomerProfile> act)
    {
        act(p);
        return p;
    }
}
