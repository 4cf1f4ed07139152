using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

public sealed class ApplyEventsTests
{
    private static readonly DeviceInfo OldPhone = new("Huawei", "P30", PriceBand.Mid, false, new DateOnly(2021, 3, 1));
    private static readonly DeviceInfo NewPhone = new("Xiaomi", "14", PriceBand.High, true, new DateOnly(2026, 6, 1));

    [Fact]
    public void every_event_type_names_the_section_it_changed_and_bumps_the_version_once()
    {
        var p = Customer();
        var cases = new (EventPayload Payload, string Section)[]
        {
            (new CustomerUpdated("Li Wei", null, null, null, null, null, null, null, null, null, null, null, null, null), ProfileSection.Identity),
            (new VoiceUsed(120, false, false, false), ProfileSection.Usage),
            (new DataUsed(5, false), ProfileSection.Usage),
            (new SmsUsed(1), ProfileSection.Usage),
            (new BillClosed("2026-10", 100, null), ProfileSection.Billing),
            (new PaymentMade(50, "cash"), ProfileSection.Billing),
            (new BalanceReported(20), ProfileSection.Billing),
            (new ProductChanged(Plan()), ProfileSection.Products),
            (new DeviceChanged(NewPhone), ProfileSection.Device),
            (new TouchpointRecorded(TouchpointChannel.Store, TouchpointKind.Visit, "S01", null, null, null, null, null, null, false), ProfileSection.Touchpoints),
            (new AccountClosed(false), ProfileSection.Lifecycle),
        };
        foreach (var (payload, section) in cases)
        {
            var version = p.Version;
            Assert.Equal([section], p.On(Now, payload).Changed);
            Assert.Equal(version + 1, p.Version);
        }
    }

    [Fact]
    public void an_update_changes_only_the_fields_it_carries()
    {
        var p = Customer();
        p.On(Now, new CustomerUpdated(null, null, "south", null, null, "PM09", new DateOnly(1990, 5, 4), null, null, null, "G1", GroupClass.A, true, null));
        var id = p.Identity!;
        Assert.Equal(("Li Wei", "south", "PM09", "S01", new DateOnly(1990, 5, 4)), (id.Name, id.Region, id.PhoneManagerId, id.HomeStoreId, id.Birthday));
        Assert.Equal(("G1", GroupClass.A, true, false), (id.GroupId, id.GroupClass, id.KeyPerson, id.FamilyDecisionMaker));
    }

    [Fact]
    public void voice_counts_minutes_off_net_roaming_and_competitor_calls_in_its_month()
    {
        var p = Customer();
        p.On(Now, new VoiceUsed(90, OffNet: true, CompetitorServiceNumber: false, Roaming: false));
        p.On(Now, new VoiceUsed(30, OffNet: false, CompetitorServiceNumber: false, Roaming: true));
        p.On(Now.AddHours(-1), new VoiceUsed(60, OffNet: true, CompetitorServiceNumber: true, Roaming: false));
        p.On(Now, new SmsUsed(3));
        var m = p.UsageIn("2026-11");
        Assert.Equal((3m, 2.5m, 0.5m, 1, 3), (m.VoiceMinutes, m.OffNetVoiceMinutes, m.RoamingVoiceMinutes, m.CompetitorServiceCalls, m.Sms));
        Assert.Equal([Now.AddHours(-1)], p.CompetitorServiceCalls);
    }

    [Fact]
    public void competitor_call_times_stay_in_time_order_and_keep_the_latest_fifty()
    {
        var p = Customer();
        for (var i = 0; i < 60; i++) p.CompetitorCall(Now.AddHours(-(i * 7 % 60)));
        Assert.Equal(50, p.CompetitorServiceCalls.Count);
        Assert.Equal(p.CompetitorServiceCalls.Order(), p.CompetitorServiceCalls);
        Assert.Equal(Now, p.CompetitorServiceCalls[^1]);
        Assert.Equal(Now.AddHours(-49), p.CompetitorServiceCalls[0]);
    }

    [Fact]
    public void a_late_usage_record_counts_in_the_month_it_occurred()
    {
        var p = Customer();
        p.On(Now, new DataUsed(100, false));
        p.On(At(2026, 9, 30, 23), new DataUsed(40, true));
        Assert.Equal((100m, 40m, 40m), (p.UsageIn("2026-11").DataMb, p.UsageIn("2026-09").DataMb, p.UsageIn("2026-09").RoamingDataMb));
    }

    [Fact]
    public void only_the_latest_24_months_of_usage_and_bills_are_kept_whatever_the_order()
    {
        var p = Customer();
        var months = Enumerable.Range(0, 30).Select(i => new DateOnly(2024, 1, 1).AddMonths(i * 7 % 30)).ToList();
        foreach (var m in months)
        {
            p.On(At(m.Year, m.Month, 3), new DataUsed(1, false));
            p.On(At(m.Year, m.Month, 3), new BillClosed(m.ToString("yyyy-MM"), 1, null));
        }
        foreach (var m in months) p.On(At(m.Year, m.Month, 4), new DataUsed(1, false));
        Assert.Equal(24, p.Usage.Count);
        Assert.Equal("2024-07", p.Usage.Keys.Min());
        Assert.All(p.Usage.Values, u => Assert.Equal(2m, u.DataMb));
        Assert.Equal(("2024-07", 24), (p.Billing.BilledByMonth.Keys.First(), p.Billing.BilledByMonth.Count));
    }

    [Fact]
    public void a_postpaid_bill_is_owed_until_payments_settle_it_and_the_rest_is_credit()
    {
        var p = Customer();
        p.On(At(2026, 11, 1), new BillClosed("2026-10", 120, new DateOnly(2026, 11, 20)));
        p.On(At(2026, 11, 2), new BillClosed("2026-09", 80, new DateOnly(2026, 10, 20)));
        Assert.Equal((200m, new DateOnly(2026, 10, 20)), (p.Billing.Outstanding, p.Billing.OldestUnpaidDueOn));
        Assert.Equal(OperatorMidnight(2026, 10, 21), p.Billing.ArrearsSince);

        p.On(At(2026, 11, 3), new PaymentMade(150, "app"));
        Assert.Equal((50m, 0m), (p.Billing.Outstanding, p.Billing.Balance));
        Assert.NotNull(p.Billing.OldestUnpaidDueOn);

        p.On(At(2026, 11, 4), new PaymentMade(70, "cash"));
        Assert.Equal((0m, 20m, (DateOnly?)null, (DateTimeOffset?)null), (p.Billing.Outstanding, p.Billing.Balance, p.Billing.OldestUnpaidDueOn, p.Billing.ArrearsSince));
        Assert.Equal([150m, 70m], p.Billing.Payments.Select(x => x.Amount));
        Assert.Equal(120m, p.Billing.BilledByMonth["2026-10"]);
    }

    [Fact]
    public void a_bill_sent_again_for_a_month_replaces_its_amount()
    {
        var p = Customer();
        p.On(At(2026, 11, 1), new BillClosed("2026-10", 120, null));
        p.On(At(2026, 11, 2), new BillClosed("2026-10", 100, null));
        Assert.Equal((100m, 100m), (p.Billing.BilledByMonth["2026-10"], p.Billing.Outstanding));
    }

    [Fact]
    public void a_prepaid_bill_is_recorded_but_not_owed()
    {
        var p = Customer();
        p.On(At(2026, 10, 1), new ProductChanged(Plan(mode: PaymentMode.Prepaid)));
        p.On(At(2026, 11, 1), new BillClosed("2026-10", 120, new DateOnly(2026, 11, 20)));
        Assert.Equal((120m, 0m, (DateOnly?)null), (p.Billing.BilledByMonth["2026-10"], p.Billing.Outstanding, p.Billing.OldestUnpaidDueOn));
    }

    [Fact]
    public void payments_are_kept_in_time_order_bounded_to_twelve()
    {
        var p = Customer();
        for (var i = 0; i < 15; i++) p.On(Now.AddDays(-(i * 4 % 15)), new PaymentMade(i + 1, null));
        Assert.Equal(12, p.Billing.Payments.Count);
        Assert.Equal(p.Billing.Payments.Select(x => x.At).Order(), p.Billing.Payments.Select(x => x.At));
        Assert.Equal(120m, p.Billing.Balance);
    }

    [Fact]
    public void a_negative_balance_starts_arrears_and_a_positive_one_ends_it()
    {
        var p = Customer();
        p.On(At(2026, 11, 5), new BalanceReported(-12));
        p.On(At(2026, 11, 9), new BalanceReported(-30));
        Assert.Equal((-30m, At(2026, 11, 5)), (p.Billing.Balance, p.Billing.ArrearsSince!.Value));
        p.On(At(2026, 11, 10), new PaymentMade(40, null));
        Assert.Equal((10m, (DateTimeOffset?)null), (p.Billing.Balance, p.Billing.ArrearsSince));
    }

    [Fact]
    public void a_new_handset_moves_the_old_one_to_a_history_of_ten_and_a_late_older_one_goes_to_history()
    {
        var p = Customer();
        p.On(Now, new DeviceChanged(OldPhone));
        p.On(Now, new DeviceChanged(NewPhone));
        Assert.Equal((NewPhone, OldPhone), (p.Device, p.DeviceHistory.Single()));

        var older = OldPhone with { Model = "P20", InUseSince = new DateOnly(2019, 1, 1) };
        p.On(Now, new DeviceChanged(older));
        Assert.Equal(NewPhone, p.Device);
        Assert.Equal([older, OldPhone], p.DeviceHistory);

        for (var i = 0; i < 12; i++) p.On(Now, new DeviceChanged(NewPhone with { Model = $"M{i}", InUseSince = new DateOnly(2026, 7, 1).AddDays(i) }));
        Assert.Equal(10, p.DeviceHistory.Count);
        Assert.Equal("M11", p.Device!.Model);
    }

    [Fact]
    public void touchpoints_are_kept_newest_last_bounded_to_fifty_with_late_ones_in_place()
    {
        var p = Customer();
        for (var i = 0; i < 55; i++) p.Touch(Now.AddHours(-(i * 7 % 55)), TouchpointKind.Call, score: 4);
        Assert.Equal(50, p.Touchpoints.Count);
        Assert.Equal(p.Touchpoints.Select(t => t.At).Order(), p.Touchpoints.Select(t => t.At));
        Assert.Equal(Now, p.Touchpoints[^1].At);
    }

    [Fact]
    public void a_complaint_opens_under_its_reference_or_event_id_and_its_resolution_closes_it()
    {
        var p = Customer();
        p.Touch(At(2026, 11, 1), TouchpointKind.Complaint, reference: "T-1");
        p.On(At(2026, 11, 2), new TouchpointRecorded(TouchpointChannel.CallCentre, TouchpointKind.Complaint, null, null, null, null, 1, null, null, false), "ev-77");
        Assert.Equal(["T-1", "ev-77"], p.OpenComplaints.Select(c => c.Reference));

        p.Touch(At(2026, 11, 3), TouchpointKind.ComplaintResolved, reference: "ev-77");
        Assert.Equal(["T-1"], p.OpenComplaints.Select(c => c.Reference));
        p.Touch(At(2026, 11, 4), TouchpointKind.ComplaintResolved);
        Assert.Empty(p.OpenComplaints);
    }

    [Fact]
    public void a_resolution_that_arrives_before_its_complaint_leaves_nothing_open()
    {
        var p = Customer();
        p.Touch(At(2026, 11, 3), TouchpointKind.ComplaintResolved, reference: "T-9");
        p.Touch(At(2026, 11, 1), TouchpointKind.Complaint, reference: "T-9");
        Assert.Empty(p.OpenComplaints);
    }

    [Fact]
    public void the_latest_port_out_inquiry_is_kept_whatever_the_arrival_order()
    {
        var p = Customer();
        p.Touch(At(2026, 11, 10), TouchpointKind.PortOutInquiry);
        p.Touch(At(2026, 10, 1), TouchpointKind.PortOutInquiry);
        Assert.Equal(At(2026, 11, 10), p.LastPortOutInquiry);
    }

    [Fact]
    public void only_accepted_discount_campaigns_count_towards_price_sensitivity()
    {
        var p = Customer();
        p.Touch(Now, TouchpointKind.CampaignAccepted, discount: true);
        p.Touch(Now, TouchpointKind.CampaignAccepted, discount: false);
        p.Touch(Now, TouchpointKind.CampaignOffered, discount: true);
        Assert.Equal(1, p.DiscountCampaignsAccepted);
    }

    [Fact]
    public void after_closure_late_usage_is_admitted_but_a_new_registration_is_refused()
    {
        var p = Customer();
        p.On(At(2026, 11, 20), new AccountClosed(PortedOut: true));
        var usage = new CustomerEvent("late", "C1", null, At(2026, 11, 19), new DataUsed(5, false));
        var again = new CustomerEvent("again", "C1", null, Now, new CustomerRegistered(Identity()));
        Assert.Equal(new string?[] { null, "customer C1 has churned (account closed) and cannot be registered again" }, ProfileApplier.Admit(p, [usage, again]));

        var version = p.Version;
        Assert.True(ProfileApplier.Apply(p, again).IsRejected);
        Assert.Equal(version, p.Version);
        ProfileApplier.Apply(p, usage);
        Assert.Equal((5m, true), (p.UsageIn("2026-11").DataMb, p.Closure!.PortedOut));
    }

    [Fact]
    public void admit_refuses_a_registration_after_a_closure_earlier_in_the_same_batch()
    {
        var p = Customer();
        var close = new CustomerEvent("c", "C1", null, Now, new AccountClosed(false));
        var again = new CustomerEvent("r", "C1", null, Now, new CustomerRegistered(Identity()));
        var refusals = ProfileApplier.Admit(p, [close, again]);
        Assert.Null(refusals[0]);
        Assert.NotNull(refusals[1]);
    }

    [Fact]
    public void an_account_closed_twice_keeps_the_earliest_closure()
    {
        var p = Customer();
        p.On(At(2026, 11, 20), new AccountClosed(false));
        p.On(At(2026, 11, 18), new AccountClosed(true));
        Assert.Equal(new AccountClosure(At(2026, 11, 18), true), p.Closure);
    }

    private static DateTimeOffset OperatorMidnight(int y, int m, int d) => Midnight(new DateOnly(y, m, d));
}
