using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Customer360.Gateway.Access;

/// <summary>
/// Audits the refusals the authorization policies make before an endpoint runs (a store user on an admin route,
/// say), so every denial of a person is on the audit log, not only those the endpoints decide. The answer itself
/// is ASP.NET Core's, unchanged.
/// </summary>
public sealed class AuditedAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Forbidden is a signed-in user without the right; a missing or bad token is a challenge, and no person.
        if (authorizeResult.Forbidden) context.AuditDenied("", "the route's policy refuses the role");
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
