using Customer360.Domain.Events;

namespace Customer360.Domain.Profile;

/// <summary>
/// Applies events to a profile. Pure apart from mutating the profile it is given, and deterministic:
/// replaying the same events in the same order always gives the same profile, which is what journal
/// recovery relies on.
/// </summary>
public static class ProfileApplier
{
    /// <summary>
    /// Decides, before anything is stored, which events of a batch may be applied: one refusal (or null) per
    /// event. Earlier events of the batch count, so a registration followed by usage in one batch is admitted.
    /// The customer grain journals only admitted events, so a refused event is never stored.
    /// </summary>
    public static string?[] Admit(CustomerProfile profile, IReadOnlyList<CustomerEvent> events)
    {
        var refusals = new string?[events.Count];
        var registered = profile.IsRegistered;
        for (var i = 0; i < events.Count; i++)
        {
            refusals[i] = Refusal(profile.CustomerId, registered, events[i]);
            registered |= refusals[i] is null && events[i].Payload is CustomerRegistered;
        }
        return refusals;
    }

    private static string? Refusal(string customerId, bool registered, CustomerEvent e) => e.Payload switch
    {
        CustomerRegistered => null,
        _ when !registered => $"customer {customerId} is not registered",
        _ => null,
    };

    public static ApplyOutcome Apply(CustomerProfile profile, CustomerEvent e)
    {
        if (Refusal(profile.CustomerId, profile.IsRegistered, e) is { } refusal) return ApplyOutcome.Rejected(refusal);

        var outcome = e.Payload switch
        {
            CustomerRegistered r => Register(profile, r),
            DataUsed d => AddData(profile, e.OccurredAt, d),
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

    private static ApplyOutcome AddData(CustomerProfile profile, DateTimeOffset occurredAt, DataUsed d)
    {
        var month = OperatorCalendar.MonthOf(occurredAt);
        if (!profile.Usage.TryGetValue(month, out var usage))
            profile.Usage[month] = usage = new UsageMonth();
        usage.DataMb += d.Mb;
        if (d.Roaming) usage.RoamingDataMb += d.Mb;
        return ApplyOutcome.Changes(ProfileSection.Usage);
    }
}
