using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.Auth;

/// <summary>Bearer-token authentication and the role policies.</summary>
public static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddCustomer360Auth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        // Token times are real time, never the business clock that tests move.
        builder.Services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>(), TimeProvider.System));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenIssuer.Issuer,
                ValidAudience = TokenIssuer.Audience,
                IssuerSigningKey = new SymmetricSecurityKey(options.KeyBytes()),
                NameClaimType = System.Security.Claims.ClaimTypes.Name,
                RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        }).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Ingest));
        return builder;
    }
}
