using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Domain.Access;

/// <summary>
/// The one access model (ARCHITECTURE.md "Access") for profiles, lists, alerts, walk-ins and work orders, on REST
/// and on hub subscriptions alike, each rule taking the <see cref="Viewer"/>. Default deny: a role or a topic kind
/// not named here is refused. Pure: the caller gathers the facts (from the read model and the store's list of
/// the day, never by loading the profile) and this decides.
/// </summary>
public static partial class AccessRules
{
    /// <summary>
    /// May <paramref name="viewer"/> read this customer? <paramref name="customer"/> is null when nothing is known of
    /// them (no such customer, or not yet in the read model): then only admins, and store staff who identified them
    /// today, may go on. Store staff read only a customer identified in their store today
    /// (<paramref name="walkedInToday"/> says whether that is so for the viewer's store).
    /// </summary>
    public static bool MayRead(Viewer viewer, AccessFacts? customer, bool walkedInToday = false) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        AccessRoles.Store => viewer.StoreId is not null && walkedInToday,
        _ when customer is null => false,
        AccessRoles.AccountManager => Same(viewer.ManagerId, customer?.AccountManagerId),
        AccessRoles.PhoneManager => Same(viewer.ManagerId, customer?.PhoneManagerId)
            || (viewer.ManagerId is { } me && customer?.AlertOwners.Contains(me, StringComparer.Ordinal) == true),
        AccessRoles.Supervisor => Same(viewer.Region, customer?.Region),
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

    /// <summary>
    /// May <paramref name="viewer"/> record a contact of this <paramref name="kind"/> (visit, call, complaint,
    /// campaign…) with this customer? Never a walk-in: a walk-in opens the customer to a store for the day, so it
    /// is recorded only by that store's own staff through the store's walk-in route (<see cref="MayRecordWalkIn"/>).
    /// </summary>
    public static bool MayRecordTouchpoint(Viewer viewer, AccessFacts customer, TouchpointKind kind, bool walkedInToday = false) =>
        kind != TouchpointKind.WalkIn && viewer.Role != AccessRoles.Supervisor && MayRead(viewer, customer, walkedInToday);

    /// <summary>
    /// May <paramref name="viewer"/> follow the topic <c>kind:key</c>? One rule for every topic kind. For a
    /// customer topic, <paramref name="customer"/> and <paramref name="walkedInToday"/> are what is known of that
    /// customer (see <see cref="MayRead"/>); an unknown customer is followed by admins only.
    /// </summary>
    public static bool MayFollow(Viewer viewer, string kind, string key, AccessFacts? customer = null, bool walkedInToday = false) => kind switch
    {
        TopicKinds.Customer => (customer is null || customer.CustomerId == key) && MayRead(viewer, customer, walkedInToday),
        TopicKinds.WorkOrders => MayFollowInbox(viewer, key),
        _ when viewer.IsAdmin => TopicKinds.Lists.Contains(kind),
        TopicKinds.Store => viewer.Role == AccessRoles.Store && Same(viewer.StoreId, key),
        TopicKinds.Portfolio => viewer.Role == AccessRoles.AccountManager && Same(viewer.ManagerId, key),
        TopicKinds.Alerts => viewer.Role == AccessRoles.PhoneManager && Same(viewer.ManagerId, key),
        TopicKinds.Tiers => viewer.Role == AccessRoles.Supervisor && Same(viewer.Region, key),
        _ => false,
    };

    /// <summary>Whether personal data (name, phone number, birthday) is masked for this viewer.</summary>
    public static bool Masks(Viewer viewer) => viewer.Role == AccessRoles.Store;

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.Ordinal);
}
