using Customer360.Gateway.Auth;
using Customer360.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.OrleansDashboard;

/// <summary>
/// Who may open Orleans' dashboard: administrators only, by their bearer token (scripts, tests) or — since a
/// browser navigating to a page sends no Authorization header — by a short-lived cookie that only an
/// administrator's <c>POST /api/v1/orleans-dashboard/session</c> makes (<see cref="OrleansDashboardSession"/>).
/// The cookie holds a token of its own audience: the API refuses it, and the browser sends it only to the
/// dashboard's path (HttpOnly, SameSite=Strict, Secure over HTTPS).
/// </summary>
public static class OrleansDashboardAuthentication
{
    /// <summary>The authorization policy of every dashboard route: role admin, by header or by the cookie.</summary>
    public const string Policy = "orleans-dashboard";

    /// <summary>The cookie holding the dashboard token.</summary>
    public const string CookieName = "c360_orleans_dashboard";

    /// <summary>The audience of dashboard tokens; the consoles' tokens have another, so neither passes for the other.</summary>
    public const string Audience = "customer360-orleans-dashboard";

    private const string Scheme = "orleans-dashboard";
    private const string CookieScheme = "orleans-dashboard-cookie";

    public static void AddOrleansDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer(CookieScheme, o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    // Only the cookie: a header goes to the gateway's usual schemes (Scheme below).
                    OnMessageReceived = context =>
                    {
                        context.Token = context.Request.Cookies[CookieName];
                        return Task.CompletedTask;
                    },
                    // As for the consoles' tokens: a disabled admin, or one whose sessions were ended, is refused.
                    OnTokenValidated = context =>
                    {
                        var states = context.HttpContext.RequestServices.GetRequiredService<UserStateCache>();
                        if (context.Principal is { } user && states.RefusalOf(user) is { } why) context.Fail(why);
                        return Task.CompletedTask;
                    },
                };
            })
            // A request with an Authorization header is judged by the gateway's default scheme (its own tokens, or
            // the OpenID provider's), one without it by the cookie; never both, so a bad header is not rescued.
            .AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? DefaultSchemeOf(http) : CookieScheme);
        services.AddOptions<JwtBearerOptions>(CookieScheme).Configure<IOptions<AuthOptions>>((o, auth) =>
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenIssuer.Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = new SymmetricSecurityKey(auth.Value.KeyBytes()),
                NameClaimType = System.Security.Claims.ClaimTypes.Name,
                RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Admin));
    }

    private static string DefaultSchemeOf(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<AuthenticationOptions>>().Value;
        return options.DefaultAuthenticateScheme ?? options.DefaultScheme ?? JwtBearerDefaults.AuthenticationScheme;
    }
}
