using System.Globalization;
using System.Security.Claims;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.OrleansDashboard;

/// <summary>
/// <c>POST /api/v1/orleans-dashboard/session</c> (administrators): sets the cookie that lets this browser open the
/// dashboard for <see cref="OrleansDashboardOptions.SessionLifetime"/>, never beyond the caller's own token, and
/// answers where the dashboard is. The bearer header it needs is what keeps it from cross-site requests; the
/// opening is audited (kind other).
/// </summary>
public static class OrleansDashboardSession
{
    public const string Route = "/api/v1/orleans-dashboard/session";

    /// <summary>The answer: where to navigate, and until when the cookie lets the browser in.</summary>
    public sealed record Opened(string Url, DateTimeOffset ExpiresAt);

    public static IEndpointRouteBuilder MapOrleansDashboardSession(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, Open).RequireAuthorization(Roles.AdminPolicy)
            .WithName("OpenOrleansDashboard")
            .WithSummary("Sets a short-lived, HttpOnly cookie that lets this browser open Orleans' dashboard; answers its URL.")
            .Produces<Opened>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static Opened Open(HttpContext http, IOptions<OrleansDashboardOptions> options, IOptions<AuthOptions> auth, AuditLog audit)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now + options.Value.SessionLifetime;
        if (long.TryParse(http.User.FindFirstValue("exp"), NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            && DateTimeOffset.FromUnixTimeSeconds(exp) is var tokenEnds && tokenEnds < expires)
            expires = tokenEnds;
        var name = http.User.FindFirstValue(ClaimTypes.Name) ?? http.User.Identity?.Name ?? "unknown";
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer,
            Audience = OrleansDashboardAuthentication.Audience,
            // Name and the issue time let every gateway refuse it once the admin is disabled or their sessions ended.
            Subject = new ClaimsIdentity([new(ClaimTypes.Name, name), new(ClaimTypes.Role, Roles.Admin), TokenIssuedAt.For(now)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(auth.Value.KeyBytes()), SecurityAlgorithms.HmacSha256),
        });
        var path = http.Request.PathBase.Add(options.Value.Path);
        http.Response.Cookies.Append(OrleansDashboardAuthentication.CookieName, token, new CookieOptions
        {
            Path = path.Value,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = expires,
            IsEssential = true,
        });
        audit.Record(new AuditEntry(now, name, Roles.Admin, "", AuditLog.Through(http),
            $"Orleans dashboard opened until {expires.ToString("O", CultureInfo.InvariantCulture)}", AuditKinds.Other));
        return new Opened($"{path.Value}/", expires);
    }
}
