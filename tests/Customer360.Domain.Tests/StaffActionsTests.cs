using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using Customer360.Domain.Views;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class StaffActionsTests
{
    [Fact]
    public void an_alert_action_is_refused_before_it_is_stored_when_it_could_not_apply()
    {
        var (p, alert) = WithComplaint();
        Assert.Null(StaffActions.Refusal(p, new AlertActionTaken(alert.Id, AlertActionKind.Acknowledge, "pm01"), Now));
        Assert.Equal("alert nope not found", StaffActions.Refusal(p, new AlertActionTaken("nope", AlertActionKind.Acknowledge, "pm01"), Now));
        Assert.Equal("snooze time must be in the future", StaffActions.Refusal(p, new AlertActionTaken(alert.Id, AlertActionKind.Snooze, "pm01", Now), Now));
        Assert.Equal("an outcome is required to resolve an alert", StaffActions.Refusal(p, new AlertActionTaken(alert.Id, AlertActionKind.Resolve, "pm01"), Now));
        // Admitting is the same question, asked for a batch before the journal is written.
        var refusals = ProfileApplier.Admit(p, [new CustomerEvent("s1", "C1", null, Now, new AlertActionTaken("nope", AlertActionKind.Acknowledge, "pm01"))]);
        Assert.Equal("alert nope not found", refusals[0]);
    }

    [Fact]
    public void an_applied_alert_action_changes_the_alert_and_counts_as_a_change_of_the_profile()
    {
        var (p, alert) = WithComplaint();
        var version = p.Version;
        var outcome = p.On(Now, new AlertActionTaken(alert.Id, AlertActionKind.Resolve, "pm01", Outcome: "refund agreed"));
        Assert.Equal([DerivedSection.Alerts], outcome.Changed);
        Assert.Equal((AlertState.Resolved, "pm01", version + 1), (alert.State, alert.ResolvedBy, p.Version));
    }

    [Fact]
    public void manual_tags_are_added_and_removed_by_event_and_automatic_ones_are_refused()
    {
        var p = Customer();
        p.Derive();
        p.On(Now, new ManualTagChanged("golf-club", Added: true, "am01"));
        var tag = p.Derived.Tags.Single(t => t.Code == "golf-club");
        Assert.Equal((TagSource.Manual, "am01"), (tag.Source, tag.Author));
        Assert.Equal("the customer already has the tag 'golf-club'", StaffActions.Refusal(p, new ManualTagChanged("golf-club", true, "am01"), Now));
        Assert.Equal("'new-customer' is an automatic tag and is set by the rules", StaffActions.Refusal(p, new ManualTagChanged("new-customer", true, "am01"), Now));
        p.On(Now, new ManualTagChanged("golf-club", Added: false, "am01"));
        Assert.DoesNotContain(p.Derived.Tags, t => t.Code == "golf-club");
        Assert.Equal("the customer has no tag 'golf-club'", StaffActions.Refusal(p, new ManualTagChanged("golf-club", false, "am01"), Now));
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(100, false)]
    public void a_walk_in_raises_the_walk_in_alert_to_the_store_only_for_mid_high_and_above(decimal monthly, bool raised)
    {
        var p = Customer().Bills(("2026-08", monthly), ("2026-09", monthly), ("2026-10", monthly));
        p.Derive();
        p.Touch(Now, TouchpointKind.WalkIn);
        var walkIn = p.Derived.Alerts.SingleOrDefault(a => a.Kind == AlertKind.WalkIn);
        Assert.Equal(raised, walkIn is not null);
        if (walkIn is null) return;
        Assert.Equal("S01", walkIn.Owner);
        // The same day, the same store: no second alert.
        p.Touch(Now.AddHours(1), TouchpointKind.WalkIn);
        Assert.Single(p.Derived.Alerts, a => a.Kind == AlertKind.WalkIn);
    }

    [Fact]
    public void a_line_for_lists_puts_open_alerts_first_and_masks_for_the_counter()
    {
        var (p, _) = WithComplaint();
        var line = CustomerSummary.Of(p)!;
        Assert.True(line.Attention > CustomerSummary.AttentionOf(line.Tier, line.Stage, []));
        var masked = PersonalDataMasking.Mask(line);
        Assert.Equal(("L*****", "138****1234"), (masked.Name, masked.Msisdn));
        Assert.Equal(ListFacts.Of(line), ListFacts.Of(CustomerSummary.Of(p)!));
    }

    [Theory]
    [InlineData("张伟明", "张**")]
    [InlineData("Zhou Min", "Z*******")]
    [InlineData("李", "李*")]
    public void a_name_shows_only_its_first_character(string name, string shown) => Assert.Equal(shown, Masking.Name(name));
}
