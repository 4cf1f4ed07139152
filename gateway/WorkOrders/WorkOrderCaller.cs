using System.Security.Claims;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.WorkOrders;

/// <summary>The signed-in user as the work-order rules see them, read from the bearer token's claims.</summary>
public sealed record WorkOrderCaller(string UserName, string Role, string? StoreId, string? ManagerId)
{
    public static WorkOrderCaller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        user.FindFirstValue(ScopeClaims.Store),
        user.FindFirstValue(ScopeClaims.Manager));

    /// <summary>The inbox this user follows (see <see cref="WorkOrderAccess.InboxOf"/>).</summary>
    public string? Inbox => WorkOrderAccess.InboxOf(Role, StoreId, ManagerId, UserName);
}
