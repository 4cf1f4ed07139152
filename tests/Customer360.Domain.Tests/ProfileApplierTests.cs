using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Domain.Tests;

public sealed class ProfileApplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static CustomerEvent Registered(string id = "r1") => new(id, "C1", null, Now,
        new CustomerRegistered(new CustomerIdentity("Li Wei", "13800001234", "north", new DateOnly(2025, 1, 15), "S01", "AM01", "PM01", null, null, null)));

    private static CustomerEvent Data(string id, decimal mb, DateTimeOffset at, bool roaming = false) =>
        new(id, "C1", null, at, new DataUsed(mb, roaming));

    private static CustomerProfile NewProfile() => new() { CustomerId = "C1" };

    [Fact]
    public void registration_sets_identity_and_bumps_the_version()
    {
        var p = NewProfile();
        var outcome = ProfileApplier.Apply(p, Registered());
        Assert.Equal([ProfileSection.Identity], outcome.Changed);
        Assert.Equal(1, p.Version);
        Assert.Equal("Li Wei", p.Identity!.Name);
    }

    [Fact]
    public void usage_for_an_unregistered_customer_is_refused_and_changes_nothing()
    {
        var p = NewProfile();
        var outcome = ProfileApplier.Apply(p, Data("d1", 5, Now));
        Assert.Equal("customer C1 is not registered", outcome.Rejection);
        Assert.Equal(0, p.Version);
        Assert.Empty(p.Usage);
    }

    [Fact]
    public void data_usage_adds_up_in_the_month_it_occurred()
    {
        var p = NewProfile();
        ProfileApplier.Apply(p, Registered());
        ProfileApplier.Apply(p, Data("d1", 10.5m, Now));
        ProfileApplier.Apply(p, Data("d2", 4.5m, Now, roaming: true));
        Assert.Equal(15m, p.UsageIn("2026-11").DataMb);
        Assert.Equal(4.5m, p.UsageIn("2026-11").RoamingDataMb);
        Assert.Equal(3, p.Version);
    }

    [Fact]
    public void a_late_record_counts_in_its_own_month_in_operator_time()
    {
        var p = NewProfile();
        ProfileApplier.Apply(p, Registered());
        // 31 Oct 16:30 UTC is 1 Nov 00:30 in UTC+8: November, however late it arrives.
        ProfileApplier.Apply(p, Data("late", 7, new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero)));
        ProfileApplier.Apply(p, Data("oct", 3, new DateTimeOffset(2026, 10, 31, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(7m, p.UsageIn("2026-11").DataMb);
        Assert.Equal(3m, p.UsageIn("2026-10").DataMb);
    }

    [Fact]
    public void arrival_order_within_a_month_does_not_change_the_totals()
    {
        var events = Enumerable.Range(0, 20).Select(i => Data($"d{i}", i * 1.25m, Now.AddHours(-i))).ToList();
        var inOrder = NewProfile();
        var shuffled = NewProfile();
        ProfileApplier.Apply(inOrder, Registered());
        ProfileApplier.Apply(shuffled, Registered());
        events.ForEach(e => ProfileApplier.Apply(inOrder, e));
        events.OrderBy(e => e.EventId.GetHashCode()).ToList().ForEach(e => ProfileApplier.Apply(shuffled, e));
        Assert.Equal(inOrder.UsageIn("2026-11").DataMb, shuffled.UsageIn("2026-11").DataMb);
    }

    [Fact]
    public void admit_lets_usage_follow_a_registration_in_the_same_batch()
    {
        var refusals = ProfileApplier.Admit(NewProfile(), [Data("early", 1, Now), Registered(), Data("after", 1, Now)]);
        Assert.Equal(new string?[] { "customer C1 is not registered", null, null }, refusals.AsEnumerable());
    }

    [Fact]
    public void the_view_shows_this_months_usage_and_the_version()
    {
        var p = NewProfile();
        ProfileApplier.Apply(p, Registered());
        ProfileApplier.Apply(p, Data("d1", 2, Now));
        ProfileApplier.Apply(p, Data("old", 9, Now.AddMonths(-2)));
        var view = ProfileView.From(p, Now, "en");
        Assert.Equal(("2026-11", 2m, 3L), (view.Usage.Month, view.Usage.DataMb, view.Version));
    }
}
