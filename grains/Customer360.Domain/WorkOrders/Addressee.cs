using System.Text.Json.Serialization;

namespace Customer360.Domain.WorkOrders;

/// <summary>The store or account manager a work order is addressed to.</summary>
/// <param name="Kind">A store or an account manager.</param>
/// <param name="Id">The store id (<c>S01</c>) or the account manager's id (<c>AM01</c>).</param>
public sealed record Addressee(AddresseeKind Kind, string Id)
{
    /// <summary>The key of the addressee's inbox, e.g. <c>store:S01</c> or <c>account-manager:AM01</c>.</summary>
    [JsonIgnore]
    public string Inbox => $"{KindName(Kind)}:{Id}";

    /// <summary>The wire name of an addressee kind, which is also the role of the people behind it.</summary>
    public static string KindName(AddresseeKind kind) => kind switch
    {
        AddresseeKind.Store => "store",
        AddresseeKind.AccountManager => "account-manager",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an addressee kind"),
    };
}
