using System.Security.Claims;
using Customer360.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Customer360.Gateway.Auth;

/// <summary>
/// Tokens of an external OpenID Connect provider (<see cref="OidcOptions"/>), beside the gateway's own: a
/// forwarding scheme sends each bearer token to the scheme of its issuer, and a provider's token is turned
/// into the gateway's claims (name, role, store, manager, region) once validated. A token whose role is not a
/// person's role, or lacks the scope its role needs, is refused, as <see cref="UserRules.CheckScope"/> would.
/// </summary>
public static class OidcAuthentication
{
    public const string SchemeName = "oidc";
    private const string SelectorScheme = "bearer-by-issuer";

    public static AuthenticationBuilder AddCustomer360Oidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        if (!options.Enabled) return authentication;

        authentication.AddJwtBearer(SchemeName, o =>
        {
            o.Authority = options.Authority;
            o.Audience = options.Audience;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = AuthHostingExtensions.TakeHubToken,
                OnTokenValidated = context =>
                {
                    var mapped = Map(context.Principal!, options, out var why);
                    if (mapped is null) context.Fail(why!);
                    else context.Principal = mapped;
                    return Task.CompletedTask;
                },
            };
        });
        // Every [Authorize] without a named scheme goes through this one: the gateway's own tokens to their scheme,
        // any other issuer's to the provider's. The token is only peeked at here; each scheme validates it in full.
        authentication.AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = http =>
            IssuerOf(http) is { } issuer && issuer != TokenIssuer.Issuer ? SchemeName : JwtBearerDefaults.AuthenticationScheme);
        authentication.Services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultAuthenticateScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
        });
        return authentication;
    }

    private static string? IssuerOf(HttpContext http)
    {
        string? token = null;
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header["Bearer ".Length..].Trim();
        else if (http.Request.Path.StartsWithSegments(AuthHostingExtensions.ConsoleHubPath)) token = http.Request.Query["access_token"];
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The gateway's claims for a provider's validated token, or null with why it cannot be used.</summary>
    public static ClaimsPrincipal? Map(ClaimsPrincipal external, OidcOptions options, out string? why)
    {
        why = null;
        var name = external.FindFirstValue(options.NameClaim);
        var roles = external.FindAll(options.RoleClaim).Select(c => options.RoleMap.GetValueOrDefault(c.Value, c.Value))
            .Where(r => Roles.All.Contains(r) && r != Roles.Ingest).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(name)) why = $"the token has no {options.NameClaim} claim";
        else if (roles.Count != 1) why = roles.Count == 0 ? "the token carries no role of this gateway" : "the token carries more than one role of this gateway";
        if (why is not null) return null;

        var scope = UserRules.Normalize(roles[0], external.FindFirstValue(options.StoreClaim), external.FindFirstValue(options.ManagerClaim),
            external.FindFirstValue(options.RegionClaim), [], []);
        var problems = new Dictionary<string, string[]>();
        UserRules.CheckScope(scope, problems);
        if (problems.Count > 0)
        {
            why = "the token's scope does not fit its role: " + string.Join(" ", problems.Values.SelectMany(m => m));
            return null;
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, name!), new(ClaimTypes.Role, scope.Role) };
        if (scope.StoreId is { } store) claims.Add(new(ScopeClaims.Store, store));
        if (scope.ManagerId is { } manager) claims.Add(new(ScopeClaims.Manager, manager));
        if (scope.Region is { } region) claims.Add(new(ScopeClaims.Region, region));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }
}
