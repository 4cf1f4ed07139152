namespace Customer360.Domain.Profile;

/// <summary>
/// What a console is shown of a profile: a projection, never the whole state, so that fields can be masked
/// per role in one place.
/// </summary>
public sealed record ProfileView(
    string CustomerId,
    long Version,
    IdentityView Identity,
    UsageView Usage,
    DateTimeOffset? UpdatedAt)
{
    public static ProfileView From(CustomerProfile p, DateTimeOffset now)
    {
        var id = p.Identity ?? throw new InvalidOperationException($"customer {p.CustomerId} is not registered");
        var month = OperatorCalendar.MonthOf(now);
        var usage = p.UsageIn(month);
        return new ProfileView(
            p.CustomerId,
            p.Version,
            new IdentityView(id.Name, id.Msisdn, id.Region, id.HomeStoreId, id.AccountManagerId, id.PhoneManagerId, id.JoinedOn),
            new UsageView(month, usage.DataMb, usage.VoiceMinutes, usage.Sms),
            p.UpdatedAt);
    }
}
