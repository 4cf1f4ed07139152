using Customer360.Domain.Views;

namespace Customer360.Domain.Access;

/// <summary>
/// Who may read which customer and follow which topic (ARCHITECTURE.md "Access"). Default deny: a role or a
/// topic kind not named here is refused. The same answers hold on REST and on hub subscriptions.
/// </summary>
public static class AccessRules
{
    /// <summary>
    /// May <paramref name="viewer"/> read this customer? Store staff only a customer identified in their store
    /// today (<paramref name="walkedInToday"/> says whether that is so for the viewer's store).
    /// </summary>
    public static bool MayRead(Viewer viewer, AccessFacts customer, bool walkedInToday = false) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        AccessRoles.AccountManager => Same(viewer.ManagerId, customer.AccountManagerId),
        AccessRoles.PhoneManager => Same(viewer.ManagerId, customer.PhoneManagerId)
            || (viewer.ManagerId is { } me && customer.AlertOwners.Contains(me, StringComparer.Ordinal)),
        AccessRoles.Supervisor => Same(viewer.Region, customer.Region),
        AccessRoles.Store => viewer.StoreId is not null && walkedInToday,
        _ => false,
    };

    /// <summary>May <paramref name="viewer"/> act on this alert (acknowledge, snooze, resolve)?</summary>
    public static bool MayActOnAlert(Viewer viewer, AccessFacts customer, AlertView alert) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        AccessRoles.PhoneManager => Same(viewer.ManagerId, alert.Owner) || Same(viewer.ManagerId, customer.PhoneManagerId),
        AccessRoles.AccountManager => Same(viewer.ManagerId, alert.Owner)
            || (Same(viewer.ManagerId, customer.AccountManagerId) && alert.Kind == Derived.AlertKind.WalkIn),
        AccessRoles.Store => Same(viewer.StoreId, alert.Owner),
        _ => false,
    };

    /// <summary>May <paramref name="viewer"/> tag this customer by hand or write a note on them?</summary>
    public static bool MayAnnotate(Viewer viewer, AccessFacts customer) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        AccessRoles.AccountManager => Same(viewer.ManagerId, customer.AccountManagerId),
        _ => false,
    };

    /// <summary>May <paramref name="viewer"/> record a contact (visit, call, complaint, campaign…) with this customer?</summary>
    public static bool MayRecordTouchpoint(Viewer viewer, AccessFacts customer, bool walkedInToday = false) => viewer.Role switch
    {
        AccessRoles.Supervisor => false,
        _ => MayRead(viewer, customer, walkedInToday),
    };

    /// <summary>
    /// May <paramref name="viewer"/> follow a topic that is not one customer's (<c>kind:key</c>)? Customer
    /// topics go through <see cref="MayRead"/>; work-order topics through their own rules.
    /// </summary>
    public static bool MayFollow(Viewer viewer, string kind, string key) => viewer.IsAdmin || kind switch
    {
        "store" => viewer.Role == AccessRoles.Store && Same(viewer.StoreId, key),
        "portfolio" => viewer.Role == AccessRoles.AccountManager && Same(viewer.ManagerId, key),
        "alerts" => viewer.Role == AccessRoles.PhoneManager && Same(viewer.ManagerId, key),
        "tiers" => viewer.Role == AccessRoles.Supervisor && Same(viewer.Region, key),
        _ => false,
    };

    /// <summary>Whether personal data (name, phone number, birthday) is masked for this viewer.</summary>
    public static bool Masks(Viewer viewer) => viewer.Role == AccessRoles.Store;

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.Ordinal);
}
