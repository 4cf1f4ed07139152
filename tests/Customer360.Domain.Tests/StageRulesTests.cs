using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class StageRulesTests
{
    public static TheoryData<string, DateOnly, LifecycleStage> Tenures => new()
    {
        { "89 days is exploring", Today.AddDays(-89), LifecycleStage.Exploring },
        { "90 days is forming", Today.AddDays(-90), LifecycleStage.Forming },
        { "11 months is forming", Today.AddMonths(-12).AddDays(1), LifecycleStage.Forming },
        { "12 months is stable", Today.AddMonths(-12), LifecycleStage.Stable },
    };

    [Theory]
    [MemberData(nameof(Tenures))]
    public void stage_follows_tenure_without_decline_signals(string rule, DateOnly joined, LifecycleStage stage)
    {
        var p = Customer(joined);
        p.Derive();
        Assert.True(stage == p.Derived.Stage!.Stage, $"{rule}: got {p.Derived.Stage.Stage}");
    }

    public static TheoryData<string, Action<CustomerProfile>, string?> Signals => new()
    {
        { "2 competitor calls in 30 days", p => p.CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-29)), null },
        { "3 competitor calls in 30 days", p => p.CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-29)), DeclineSignals.CompetitorCalls },
        { "the third call exactly 30 days ago is outside", p => p.CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-30)), null },
        { "port-out inquiry within 30 days", p => p.Touch(Now.AddDays(-30).AddHours(1), TouchpointKind.PortOutInquiry), DeclineSignals.PortOutInquiry },
        { "port-out inquiry over 30 days ago", p => p.Touch(Now.AddDays(-30).AddHours(-1), TouchpointKind.PortOutInquiry), null },
        { "bill down 40% on the trailing average", p => p.Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 60)), DeclineSignals.BillDrop },
        { "bill down 39%", p => p.Bills(("2026-07", 100), ("2026-08", 100), ("2026-09", 100), ("2026-10", 61)), null },
        { "last month's data down 40%", p => p.Data("2026-07", 1000).Data("2026-08", 1000).Data("2026-09", 1000).Data("2026-10", 600), DeclineSignals.DataDrop },
        { "last month's data down 39.9%", p => p.Data("2026-07", 1000).Data("2026-08", 1000).Data("2026-09", 1000).Data("2026-10", 601), null },
        { "30 days of arrears", p => p.On(At(2026, 10, 24), new BalanceReported(-1)), null },
        { "31 days of arrears", p => p.On(At(2026, 10, 23), new BalanceReported(-1)), DeclineSignals.Arrears },
        { "a bill 31 days overdue", p => p.On(At(2026, 10, 1), new BillClosed("2026-09", 50, new DateOnly(2026, 10, 22))), DeclineSignals.Arrears },
        { "a complaint open 7 days", p => p.Touch(At(2026, 11, 16, 9), TouchpointKind.Complaint, reference: "T1"), null },
        { "a complaint open 8 days", p => p.Touch(At(2026, 11, 15, 23), TouchpointKind.Complaint, reference: "T1"), DeclineSignals.ComplaintOpen },
        { "a resolved complaint", p => p.Touch(At(2026, 11, 1), TouchpointKind.Complaint, reference: "T1").Touch(At(2026, 11, 2), TouchpointKind.ComplaintResolved, reference: "T1"), null },
    };

    [Theory]
    [MemberData(nameof(Signals))]
    public void any_decline_signal_makes_the_customer_declining(string rule, Action<CustomerProfile> given, string? signal)
    {
        var p = Customer();
        given(p);
        p.Derive();
        var stage = p.Derived.Stage!;
        if (signal is null)
            Assert.True(stage.Stage == LifecycleStage.Stable, $"{rule}: got {stage.Stage} ({stage.Reason.Code})");
        else
        {
            Assert.True(stage.Stage == LifecycleStage.Declining, $"{rule}: got {stage.Stage}");
            Assert.Contains(signal, stage.Reason.Args!["signals"].Split(','));
        }
    }

    [Fact]
    public void closure_is_final_whatever_the_signals()
    {
        var p = Customer().CompetitorCall(Now.AddDays(-1)).CompetitorCall(Now.AddDays(-2)).CompetitorCall(Now.AddDays(-3));
        p.On(Now.AddHours(-1), new AccountClosed(PortedOut: true));
        p.Derive();
        Assert.Equal((LifecycleStage.Churned, ReasonCodes.StagePortedOut), (p.Derived.Stage!.Stage, p.Derived.Stage.Reason.Code));
        p.On(Now, new DataUsed(10, false));
        p.Derive(Now.AddDays(400));
        Assert.Equal(LifecycleStage.Churned, p.Derived.Stage!.Stage);
    }

    [Fact]
    public void a_declining_customer_recovers_after_60_quiet_days_from_the_signal_ageing_out()
    {
        var p = Customer().Touch(At(2026, 9, 1), TouchpointKind.PortOutInquiry);
        p.Derive(At(2026, 9, 2));
        Assert.Equal((LifecycleStage.Declining, At(2026, 10, 1)), (p.Derived.Stage!.Stage, p.Derived.Stage.LastDeclineSignalAt!.Value));

        p.Derive(At(2026, 10, 1));
        Assert.Equal((LifecycleStage.Declining, ReasonCodes.StageRecovering), (p.Derived.Stage!.Stage, p.Derived.Stage.Reason.Code));
        Assert.Equal("2026-11-30", p.Derived.Stage.Reason.Args!["until"]);

        p.Derive(At(2026, 11, 30).AddTicks(-1));
        Assert.Equal(LifecycleStage.Declining, p.Derived.Stage!.Stage);
        p.Derive(At(2026, 11, 30));
        Assert.Equal(LifecycleStage.Stable, p.Derived.Stage!.Stage);
    }

    [Fact]
    public void quiet_days_after_a_signal_an_event_ended_count_from_that_event()
    {
        var p = Customer();
        p.On(At(2026, 9, 1), new BalanceReported(-20));
        p.Derive(At(2026, 10, 5));
        Assert.Equal(LifecycleStage.Declining, p.Derived.Stage!.Stage);
        Assert.Null(p.Derived.Stage.LastDeclineSignalAt);

        p.On(At(2026, 10, 20), new PaymentMade(30, null));
        p.Derive(At(2026, 10, 20));
        Assert.Equal((ReasonCodes.StageRecovering, At(2026, 10, 20)), (p.Derived.Stage!.Reason.Code, p.Derived.Stage.LastDeclineSignalAt!.Value));
        p.Derive(At(2026, 12, 18));
        Assert.Equal(LifecycleStage.Declining, p.Derived.Stage!.Stage);
        p.Derive(At(2026, 12, 19));
        Assert.Equal(LifecycleStage.Stable, p.Derived.Stage!.Stage);
    }

    [Fact]
    public void a_new_signal_during_recovery_keeps_the_customer_declining()
    {
        var p = Customer().Touch(At(2026, 9, 1), TouchpointKind.PortOutInquiry);
        p.Derive(At(2026, 9, 2));
        p.Derive(At(2026, 10, 2));
        Assert.Equal(ReasonCodes.StageRecovering, p.Derived.Stage!.Reason.Code);
        var since = p.Derived.Stage.Since;
        p.Touch(At(2026, 11, 1), TouchpointKind.PortOutInquiry);
        p.Derive(At(2026, 11, 2));
        Assert.Equal((LifecycleStage.Declining, ReasonCodes.DeclinePortOutInquiry, since), (p.Derived.Stage!.Stage, p.Derived.Stage.Reason.Code, p.Derived.Stage.Since));
    }

    [Fact]
    public void a_late_old_usage_record_does_not_move_a_stable_customer_to_declining()
    {
        var p = Customer().Data("2026-08", 1000).Data("2026-09", 1000).Data("2026-10", 1000);
        p.Derive();
        Assert.Equal(LifecycleStage.Stable, p.Derived.Stage!.Stage);
        p.Data("2026-03", 50_000).CompetitorCall(Now.AddDays(-45)).CompetitorCall(Now.AddDays(-46)).CompetitorCall(Now.AddDays(-47));
        p.Touch(Now.AddDays(-40), TouchpointKind.PortOutInquiry);
        var result = p.Derive();
        Assert.Equal(LifecycleStage.Stable, p.Derived.Stage!.Stage);
        Assert.DoesNotContain(DerivedSection.Stage, result.Changed);
    }

    [Fact]
    public void a_late_usage_record_that_creates_a_current_signal_does_count()
    {
        var p = Customer().Data("2026-08", 1000).Data("2026-09", 1000).Data("2026-10", 1000);
        p.Derive();
        p.Data("2026-07", 2000);
        p.Derive();
        Assert.Equal(LifecycleStage.Stable, p.Derived.Stage!.Stage);
        p.Data("2026-08", 3000).Data("2026-09", 3000);
        p.Derive();
        Assert.Equal((LifecycleStage.Declining, ReasonCodes.DeclineDataDrop), (p.Derived.Stage!.Stage, p.Derived.Stage.Reason.Code));
    }

    [Fact]
    public void the_stage_reason_names_the_signal_and_stays_put_while_it_holds()
    {
        var p = Customer();
        p.On(At(2026, 10, 1), new BalanceReported(-5));
        p.Derive();
        var first = p.Derived.Stage!;
        Assert.Equal((ReasonCodes.DeclineArrears, "2026-10-01", "30"), (first.Reason.Code, first.Reason.Args!["since"], first.Reason.Args["days"]));
        Assert.DoesNotContain(DerivedSection.Stage, p.Derive(Now.AddDays(3)).Changed);
        Assert.Same(first, p.Derived.Stage);
    }
}
