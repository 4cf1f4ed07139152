using System.Security.Claims;
using Customer360.Domain.Access;

namespace Customer360.Gateway.Auth;

/// <summary>Reads the signed-in viewer (name, role, scope) from a validated token's claims.</summary>
public static class ViewerClaims
{
    /// <summary>The viewer, or null when the principal is not signed in with a known role.</summary>
    public static Viewer? ToViewer(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var role = user.FindFirstValue(ClaimTypes.Role);
        var name = user.FindFirstValue(ClaimTypes.Name);
        if (role is null || name is null || !AccessRoles.All.Contains(role)) return null;
        return new Viewer(name, role, user.FindFirstValue(ScopeClaims.Store), user.FindFirstValue(ScopeClaims.Manager), user.FindFirstValue(ScopeClaims.Region));
    }
}
