using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Access;

/// <summary>
/// Work orders. Everything turns on the viewer's own inbox: store staff follow their store (<c>store:S01</c>),
/// account and phone managers themselves (<c>account-manager:AM01</c>, <c>phone-manager:PM01</c>). Addressee kinds
/// are named like the roles behind them, so "the viewer is the addressee" is "the viewer's inbox is the
/// addressee's". Administrators may do everything.
/// </summary>
public static partial class AccessRules
{
    private static readonly HashSet<string> InboxKinds = [AccessRoles.Store, AccessRoles.AccountManager, AccessRoles.PhoneManager, AccessRoles.Admin];

    /// <summary>The inbox a viewer follows, or null for a role that has none (supervisor, ingest) or a viewer without scope.</summary>
    public static string? InboxOf(Viewer viewer) => viewer.Role switch
    {
        AccessRoles.Store => string.IsNullOrEmpty(viewer.StoreId) ? null : $"{AccessRoles.Store}:{viewer.StoreId}",
        AccessRoles.AccountManager or AccessRoles.PhoneManager => string.IsNullOrEmpty(viewer.ManagerId) ? null : $"{viewer.Role}:{viewer.ManagerId}",
        AccessRoles.Admin => $"{AccessRoles.Admin}:{viewer.Name}",
        _ => null,
    };

    /// <summary>
    /// May the viewer follow or read the inbox <paramref name="key"/> (<c>store:S01</c>; the whole topic
    /// <c>workorders:store:S01</c> is taken too)? Their own inbox, or any for an administrator.
    /// </summary>
    public static bool MayFollowInbox(Viewer viewer, string key)
    {
        var prefix = TopicKinds.WorkOrders + ":";
        if (key.StartsWith(prefix, StringComparison.Ordinal)) key = key[prefix.Length..];
        return viewer.IsAdmin ? IsInboxKey(key) : InboxOf(viewer) is { } own && own == key && IsInboxKey(key);
    }

    /// <summary>Whether the role dispatches at all: decided before any customer is looked up.</summary>
    public static bool MayDispatch(Viewer viewer) =>
        viewer.Role is AccessRoles.Admin or AccessRoles.PhoneManager or AccessRoles.AccountManager && InboxOf(viewer) is not null;

    /// <summary>The customer's own phone manager or account manager may dispatch for them, and administrators.</summary>
    public static bool MayDispatchFor(Viewer viewer, AccessFacts? customer) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        _ when customer is null => false,
        AccessRoles.PhoneManager => Same(viewer.ManagerId, customer?.PhoneManagerId),
        AccessRoles.AccountManager => Same(viewer.ManagerId, customer?.AccountManagerId),
        _ => false,
    };

    /// <summary>Accept, complete, reject: only the addressee, or an administrator.</summary>
    public static bool MayActOnWorkOrder(Viewer viewer, Addressee addressee) =>
        viewer.IsAdmin || (InboxOf(viewer) is { } own && own == addressee.Inbox);

    /// <summary>Reading one order: its addressee, its dispatcher, or an administrator.</summary>
    public static bool MayReadWorkOrder(Viewer viewer, WorkOrder order) =>
        viewer.IsAdmin || (InboxOf(viewer) is { } own && (own == order.Addressee.Inbox || own == order.DispatchedBy.Inbox));

    /// <summary>True for <c>kind:id</c> where kind is an inbox kind and id a plain id (see <see cref="Ids.IsId"/>).</summary>
    public static bool IsInboxKey(string key)
    {
        var colon = key.IndexOf(':');
        return colon > 0 && InboxKinds.Contains(key[..colon]) && Ids.IsId(key[(colon + 1)..]);
    }
}
