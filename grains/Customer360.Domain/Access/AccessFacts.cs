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
}
