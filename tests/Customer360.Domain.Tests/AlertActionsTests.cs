using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class AlertActionsTests
{
    [Fact]
    public void acknowledge_snooze_and_resolve_move_the_alert_through_its_states()
    {
        var (p, alert) = WithComplaint();
        Assert.Null(AlertActions.Snooze(p, alert.Id, Now.AddHours(2), "PM01", Now));
        Assert.Equal((AlertState.Snoozed, Now.AddHours(2)), (alert.State, alert.SnoozedUntil!.Value));
        Assert.Null(AlertActions.Acknowledge(p, alert.Id, "PM01", Now));
        Assert.Equal((AlertState.Acknowledged, (DateTimeOffset?)null), (alert.State, alert.SnoozedUntil));
        Assert.Null(AlertActions.Acknowledge(p, alert.Id, "PM01", Now));
        Assert.Null(AlertActions.Resolve(p, alert.Id, "refund agreed", "PM01", Now));
        Assert.Equal((AlertState.Resolved, "PM01", ReasonCodes.AlertResolvedByStaff, "refund agreed"),
            (alert.State, alert.ResolvedBy, alert.Resolution!.Code, alert.Resolution.Args!["outcome"]));
    }

    public static TheoryData<string, Func<CustomerProfile, Alert, string?>, string> Refusals => new()
    {
        { "unknown alert", (p, _) => AlertActions.Acknowledge(p, "nope", "PM01", Now), "alert nope not found" },
        { "snooze into the past", (p, a) => AlertActions.Snooze(p, a.Id, Now, "PM01", Now), "snooze time must be in the future" },
        { "resolve without outcome", (p, a) => AlertActions.Resolve(p, a.Id, " ", "PM01", Now), "an outcome is required to resolve an alert" },
        { "act without a person", (p, a) => AlertActions.Acknowledge(p, a.Id, "", Now), "who acts on the alert is required" },
        { "resolve twice", (p, a) => { AlertActions.Resolve(p, a.Id, "done", "PM01", Now); return AlertActions.Resolve(p, a.Id, "done", "PM01", Now); }, "is already resolved" },
        { "snooze a resolved alert", (p, a) => { AlertActions.Resolve(p, a.Id, "done", "PM01", Now); return AlertActions.Snooze(p, a.Id, Now.AddDays(1), "PM01", Now); }, "is already resolved" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void an_alert_action_that_makes_no_sense_is_refused(string rule, Func<CustomerProfile, Alert, string?> act, string refusal)
    {
        var (p, alert) = WithComplaint();
        var result = act(p, alert);
        Assert.True(result?.Contains(refusal) == true, $"{rule}: got '{result}'");
    }
}
