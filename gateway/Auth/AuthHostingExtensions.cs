using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.Auth;

/// <summary>Bearer-token authentication and the role policies.</summary>
public static class AuthHostingExtensions
{
    /// <summary>Where the consoles' hub is mapped.</summary>
    public const string ConsoleHubPath = "/hubs/console";

    public static WebApplicationBuilder AddCustomer360Auth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        builder.AddProducerCredentials();

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
            // Browsers cannot set headers on WebSockets, so the console hub takes the token from the query string
            // (access_token), and only there. Hosting logs that query at Information: the gateway keeps that
            // category at Warning (GatewayHostingExtensions) so a token never reaches a log.
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments(ConsoleHubPath)
                        && context.Request.Query["access_token"] is { Count: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
            };
        }).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.StaffPolicy, p => p.RequireRole(Roles.Store, Roles.AccountManager, Roles.PhoneManager, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Ingest));
        return builder;
    }
}
