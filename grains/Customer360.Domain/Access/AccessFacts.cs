using Customer360.Domain.Views;

namespace Customer360.Domain.Access;

/// <summary>What of a customer decides who may see them: region, home store, managers, and who owns their open alerts.</summary>
public sealed record AccessFacts(
    string CustomerId, string Region, string? HomeStoreId, string? AccountManagerId, string? PhoneManagerId,
    IReadOnlyList<string> AlertOwners)
{
    public static AccessFacts Of(ProfileView view) => new(
        view.CustomerId, view.Identity.Region, view.Identity.HomeStoreId, view.Identity.AccountManagerId, view.Identity.PhoneManagerId,
        [.. view.Derived.Alerts.Select(a => a.Owner).OfType<string>().Distinct(StringComparer.Ordinal)]);

    public static AccessFacts Of(CustomerSummary s) => new(
        s.CustomerId, s.Region, s.HomeStoreId, s.AccountManagerId, s.PhoneManagerId,
        [.. s.OpenAlerts.Select(a => a.Owner).OfType<string>().Distinct(StringComparer.Ordinal)]);

    /// <summary>
    /// A hash of who these facts let in (region, home store, managers, alert owners): a customer grain keeps this
    /// rather than the facts, to tell cheaply when its readers change.
    /// </summary>
    public int ScopeHash()
    {
        var h = new HashCode();
        h.Add(CustomerId);
        h.Add(Region);
        h.Add(HomeStoreId);
        h.Add(AccountManagerId);
        h.Add(PhoneManagerId);
        foreach (var owner in AlertOwners.Order(StringComparer.Ordinal)) h.Add(owner);
        return h.ToHashCode();
    }
}
