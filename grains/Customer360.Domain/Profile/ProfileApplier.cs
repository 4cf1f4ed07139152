using Customer360.Domain.Events;

namespace Customer360.Domain.Profile;

/// <summary>
/// Applies events to a profile. Pure apart from mutating the profile it is given, and deterministic:
/// replaying the same events in the same order always gives the same profile, which is what journal
/// recovery relies on. Only facts are kept here; what they mean (tier, stage, alerts…) is for the rules.
/// Events may arrive late: usage counts in the month it occurred, histories stay in time order, and
/// "latest"/"earliest" facts take the max/min so arrival order does not change them.
/// </summary>
public static class ProfileApplier
{
    public const int MaxDeviceHistory = 10;
    public const int MaxCompetitorServiceCalls = 50;

    /// <summary>Months of usage and of bills kept: the rules look back four months, consoles six.</summary>
    public const int MaxMonths = 24;

    /// <summary>
    /// Decides, before anything is stored, which events of a batch may be applied: one refusal (or null) per
    /// event. Earlier events of the batch count, so a registration followed by usage in one batch is admitted.
    /// The customer grain journals only admitted events, so a refused event is never stored.
    /// </summary>
    public static string?[] Admit(CustomerProfile profile, IReadOnlyList<CustomerEvent> events)
    {
        var refusals = new string?[events.Count];
        var registered = profile.IsRegistered;
        var churned = profile.Closure is not null;
        for (var i = 0; i < events.Count; i++)
        {
            refusals[i] = Refusal(profile.CustomerId, registered, churned, events[i])
                ?? (registered ? Rules.StaffActions.Refusal(profile, events[i].Payload, events[i].OccurredAt) : null);
            if (refusals[i] is not null) continue;
            registered |= events[i].Payload is CustomerRegistered;
            churned |= events[i].Payload is AccountClosed;
        }
        return refusals;
    }

    /// <summary>True when <paramref name="e"/> can only apply once the customer is registered, which it is not yet.</summary>
    public static bool AwaitsRegistration(CustomerProfile profile, CustomerEvent e) =>
        !profile.IsRegistered && e.Payload is not CustomerRegistered;

    // After account.closed, late usage and billing are still facts worth keeping; a new registration is not:
    // churn is final, and a returning customer is a new customer id.
    private static string? Refusal(string customerId, bool registered, bool churned, CustomerEvent e) => e.Payload switch
    {
        CustomerRegistered when churned => $"customer {customerId} has churned (account closed) and cannot be registered again",
        CustomerRegistered => null,
        _ when !registered => $"customer {customerId} is not registered",
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="e"/> would only add to the running usage counters of the operator month of
    /// <paramref name="now"/>, which the profile already holds: a data, voice or SMS record with no roaming and
    /// no call to a competitor's service number (those feed tags and decline signals). Ask before applying it.
    /// See <c>ProfileRules.StandsAfterCounters</c>.
    /// </summary>
    public static bool AddsToCounters(CustomerProfile profile, CustomerEvent e, DateTimeOffset now)
    {
        if (!profile.IsRegistered || e.Payload is not (DataUsed { Roaming: false } or SmsUsed or VoiceUsed { Roaming: false, CompetitorServiceNumber: false }))
            return false;
        var month = OperatorCalendar.MonthOf(e.OccurredAt);
        return month == OperatorCalendar.MonthOf(now) && profile.Usage.ContainsKey(month);
    }

    public static ApplyOutcome Apply(CustomerProfile profile, CustomerEvent e)
    {
        if (Refusal(profile.CustomerId, profile.IsRegistered, profile.Closure is not null, e) is { } refusal)
            return ApplyOutcome.Rejected(refusal);

        var outcome = e.Payload switch
        {
            CustomerRegistered r => Register(profile, r),
            CustomerUpdated u => Update(profile, u),
            VoiceUsed v => AddVoice(profile, e.OccurredAt, v),
            DataUsed d => AddData(profile, e.OccurredAt, d),
            SmsUsed s => AddSms(profile, e.OccurredAt, s),
            BillClosed b => Billing(() => BillingFacts.Close(profile, e.OccurredAt, b)),
            PaymentMade p => Billing(() => BillingFacts.Pay(profile, e.OccurredAt, p)),
            BalanceReported b => Billing(() => BillingFacts.Report(profile, e.OccurredAt, b)),
            ProductChanged p => ChangeProducts(profile, p),
            DeviceChanged d => ChangeDevice(profile, d.Device),
            TouchpointRecorded t => RecordTouchpoint(profile, e, t),
            AccountClosed c => Close(profile, e.OccurredAt, c),
            AlertActionTaken or ManualTagChanged => Rules.StaffActions.Apply(profile, e.Payload, e.OccurredAt),
            WorkOrderRecorded w => WorkOrderFacts.Record(profile, w.Order),
            _ => ApplyOutcome.Rejected($"type '{e.Type}' has no rule"),
        };
        if (!outcome.IsRejected)
        {
            profile.Version++;
            profile.UpdatedAt = profile.UpdatedAt is { } last && last > e.OccurredAt ? last : e.OccurredAt;
        }
        return outcome;
    }

    private static ApplyOutcome Register(CustomerProfile profile, CustomerRegistered r)
    {
        profile.Identity = r.Identity;
        return ApplyOutcome.Changes(ProfileSection.Identity);
    }

    private static ApplyOutcome Update(CustomerProfile profile, CustomerUpdated u)
    {
        var id = profile.Identity!;
        profile.Identity = id with
        {
            Name = u.Name ?? id.Name,
            Msisdn = u.Msisdn ?? id.Msisdn,
            Region = u.Region ?? id.Region,
            HomeStoreId = u.HomeStoreId ?? id.HomeStoreId,
            AccountManagerId = u.AccountManagerId ?? id.AccountManagerId,
            PhoneManagerId = u.PhoneManagerId ?? id.PhoneManagerId,
            Birthday = u.Birthday ?? id.Birthday,
            Gender = u.Gender ?? id.Gender,
            Occupation = u.Occupation ?? id.Occupation,
            Interests = u.Interests ?? id.Interests,
            GroupId = u.GroupId ?? id.GroupId,
            GroupClass = u.GroupClass ?? id.GroupClass,
            KeyPerson = u.KeyPerson ?? id.KeyPerson,
            FamilyDecisionMaker = u.FamilyDecisionMaker ?? id.FamilyDecisionMaker,
        };
        return ApplyOutcome.Changes(ProfileSection.Identity);
    }

    private static UsageMonth MonthOf(CustomerProfile profile, DateTimeOffset occurredAt)
    {
        var month = OperatorCalendar.MonthOf(occurredAt);
        if (!profile.Usage.TryGetValue(month, out var usage))
        {
            profile.Usage[month] = usage = new UsageMonth();
            // Dropping the oldest month keeps the latest ones whatever the arrival order: a record for a month
            // older than all kept ones is dropped again at once, so no kept month ever has a partial total.
            if (profile.Usage.Count > MaxMonths) profile.Usage.Remove(profile.Usage.Keys.Min(StringComparer.Ordinal)!);
        }
        return usage;
    }

    private static ApplyOutcome AddVoice(CustomerProfile profile, DateTimeOffset occurredAt, VoiceUsed v)
    {
        var usage = MonthOf(profile, occurredAt);
        var minutes = v.Seconds / 60m;
        usage.VoiceMinutes += minutes;
        if (v.OffNet) usage.OffNetVoiceMinutes += minutes;
        if (v.Roaming) usage.RoamingVoiceMinutes += minutes;
        if (v.CompetitorServiceNumber)
        {
            usage.CompetitorServiceCalls++;
            BoundedList.InsertInOrder(profile.CompetitorServiceCalls, occurredAt, x => x, MaxCompetitorServiceCalls);
        }
        return ApplyOutcome.Changes(ProfileSection.Usage);
    }

    private static ApplyOutcome AddData(CustomerProfile profile, DateTimeOffset occurredAt, DataUsed d)
    {
        var usage = MonthOf(profile, occurredAt);
        usage.DataMb += d.Mb;
        if (d.Roaming) usage.RoamingDataMb += d.Mb;
        return ApplyOutcome.Changes(ProfileSection.Usage);
    }

    private static ApplyOutcome AddSms(CustomerProfile profile, DateTimeOffset occurredAt, SmsUsed s)
    {
        MonthOf(profile, occurredAt).Sms += s.Count;
        return ApplyOutcome.Changes(ProfileSection.Usage);
    }

    private static ApplyOutcome Billing(Action apply)
    {
        apply();
        return ApplyOutcome.Changes(ProfileSection.Billing);
    }

    private static ApplyOutcome ChangeProducts(CustomerProfile profile, ProductChanged p)
    {
        profile.Products = p.Products;
        return ApplyOutcome.Changes(ProfileSection.Products);
    }

    private static ApplyOutcome ChangeDevice(CustomerProfile profile, DeviceInfo device)
    {
        var history = profile.DeviceHistory;
        if (profile.Device is not { } current)
            profile.Device = device;
        else if (device.InUseSince < current.InUseSince)
        {
            // A late report of an earlier handset belongs in the history, not in the customer's hand.
            if (!history.Contains(device)) BoundedList.InsertInOrder(history, device, x => OperatorDays.StartOf(x.InUseSince), MaxDeviceHistory);
        }
        else if (device != current)
        {
            BoundedList.InsertInOrder(history, current, x => OperatorDays.StartOf(x.InUseSince), MaxDeviceHistory);
            profile.Device = device;
        }
        return ApplyOutcome.Changes(ProfileSection.Device);
    }

    private static ApplyOutcome RecordTouchpoint(CustomerProfile profile, CustomerEvent e, TouchpointRecorded t)
    {
        TouchpointFacts.Record(profile, e, t);
        // A strategic or mid/high customer identified at a counter raises the walk-in alert to that store.
        if (t is { Kind: TouchpointKind.WalkIn, StoreId: { } store } && profile.Derived.Tier is { Tier: >= Derived.Tier.MidHigh }
            && Rules.AlertBook.RaiseWalkIn(profile, store, e.OccurredAt))
            return new ApplyOutcome([ProfileSection.Touchpoints, Rules.DerivedSection.Alerts], null);
        return ApplyOutcome.Changes(ProfileSection.Touchpoints);
    }

    private static ApplyOutcome Close(CustomerProfile profile, DateTimeOffset occurredAt, AccountClosed c)
    {
        // Churn is final; if it is reported twice, the earliest report is when it happened.
        if (profile.Closure is not { } closure || occurredAt < closure.At)
            profile.Closure = new AccountClosure(occurredAt, c.PortedOut);
        return ApplyOutcome.Changes(ProfileSection.Lifecycle);
    }
}
