using Customer360.Contracts;
using Customer360.Domain.WorkOrders;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.WorkOrders;

/// <summary>
/// Who may do what with work orders (ARCHITECTURE.md "Access"), in one place for the REST API and the console
/// hub. Everything turns on the caller's own inbox: store staff follow their store (<c>store:S01</c>), account
/// and phone managers follow themselves (<c>account-manager:AM01</c>, <c>phone-manager:PM01</c>). Addressee
/// kinds are named like the roles behind them, so "the caller is the addressee" is "the caller's inbox is the
/// addressee's". Administrators may do everything. Pure: arguments in, a decision out.
/// </summary>
public static class WorkOrderAccess
{
    private static readonly HashSet<string> InboxKinds = [Roles.Store, Roles.AccountManager, Roles.PhoneManager, Roles.Admin];

    /// <summary>The inbox a user follows, or null for a role that has none (supervisor, ingest) or a user without scope.</summary>
    public static string? InboxOf(string role, string? storeId, string? managerId, string userName) => role switch
    {
        Roles.Store => string.IsNullOrEmpty(storeId) ? null : $"{Roles.Store}:{storeId}",
        Roles.AccountManager or Roles.PhoneManager => string.IsNullOrEmpty(managerId) ? null : $"{role}:{managerId}",
        Roles.Admin => $"{Roles.Admin}:{userName}",
        _ => null,
    };

    /// <summary>
    /// Whether a console of this user may follow the inbox topic <c>workorders:{addresseeTopicKey}</c>, e.g.
    /// key <c>store:S01</c> (the whole topic is taken too). Their own inbox, or any for an administrator.
    /// </summary>
    public static bool MaySubscribe(string role, string? storeId, string? managerId, string addresseeTopicKey)
    {
        var key = addresseeTopicKey.StartsWith(Topics.WorkOrdersPrefix + ":", StringComparison.Ordinal)
            ? addresseeTopicKey[(Topics.WorkOrdersPrefix.Length + 1)..]
            : addresseeTopicKey;
        return role == Roles.Admin ? IsInboxKey(key) : InboxOf(role, storeId, managerId, "") == key;
    }

    /// <summary>Whether the role dispatches at all (before any customer is looked up).</summary>
    public static bool CanDispatch(string role) => role is Roles.Admin or Roles.PhoneManager or Roles.AccountManager;

    /// <summary>The customer's own phone manager or account manager may dispatch for them, and administrators.</summary>
    public static bool MayDispatch(string role, string? managerId, string? customerPhoneManagerId, string? customerAccountManagerId) => role switch
    {
        Roles.Admin => true,
        Roles.PhoneManager => !string.IsNullOrEmpty(managerId) && managerId == customerPhoneManagerId,
        Roles.AccountManager => !string.IsNullOrEmpty(managerId) && managerId == customerAccountManagerId,
        _ => false,
    };

    /// <summary>Accept, complete, reject: only the addressee, or an administrator.</summary>
    public static bool MayAct(string role, string? storeId, string? managerId, Addressee addressee) =>
        role == Roles.Admin || InboxOf(role, storeId, managerId, "") == addressee.Inbox;

    /// <summary>Reading one order: its addressee, its dispatcher, or an administrator.</summary>
    public static bool MayRead(string role, string? storeId, string? managerId, string userName, WorkOrder order) =>
        role == Roles.Admin
        || (InboxOf(role, storeId, managerId, userName) is { } own && (own == order.Addressee.Inbox || own == order.DispatchedBy.Inbox));

    /// <summary>True for <c>kind:id</c> where kind is an inbox kind and id a plain id (letters, digits, '-', '_', '.').</summary>
    public static bool IsInboxKey(string key) =>
        Topics.TryParse(key, out var kind, out var id) && InboxKinds.Contains(kind) && id.Length <= 64
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
