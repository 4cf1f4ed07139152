using Customer360.Gateway.Users;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.Auth;

/// <summary>Bearer-token authentication, the role policies, and the users behind them (<c>c360_users</c>).</summary>
public static class AuthHostingExtensions
{
    /// <summary>Where the consoles' hub is mapped.</summary>
    public const string ConsoleHubPath = "/hubs/console";

    /// <summary>The demo users' file, read only in demo mode.</summary>
    public const string DemoSettingsFile = "appsettings.Demo.json";

    public static WebApplicationBuilder AddCustomer360Auth(this WebApplicationBuilder builder)
    {
        AddDemoSettings(builder);
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        builder.AddProducerCredentials();

        var signIn = builder.Configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        problems = signIn.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));

        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section);
        // Token, lockout and session times are real time, never the business clock that tests move.
        builder.Services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<IOptions<AuthOptions>>(), TimeProvider.System));
        AddUsers(builder.Services);
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
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = TakeHubToken,
                // A good signature is not enough: the user may have been disabled, or their sessions ended, since.
                OnTokenValidated = context =>
                {
                    var states = context.HttpContext.RequestServices.GetRequiredService<UserStateCache>();
                    if (context.Principal is { } user && states.RefusalOf(user) is { } why) context.Fail(why);
                    return Task.CompletedTask;
                },
            };
        }).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCustomer360Oidc(builder.Configuration);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.StaffPolicy, p => p.RequireRole(Roles.Store, Roles.AccountManager, Roles.PhoneManager, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Ingest));
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the console hub takes the token from the query string
    /// (access_token), and only there. Hosting logs that query at Information: the gateway keeps that category at
    /// Warning (GatewayHostingExtensions) so a token never reaches a log.
    /// </summary>
    internal static Task TakeHubToken(MessageReceivedContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments(ConsoleHubPath) && context.Request.Query["access_token"] is { Count: > 0 } token)
            context.Token = token;
        return Task.CompletedTask;
    }

    private static void AddUsers(IServiceCollection services)
    {
        services.AddSingleton(sp => new UserStore(sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        services.AddSingleton<UserPasswords>();
        services.AddSingleton(sp => new SignInService(sp.GetRequiredService<UserStore>(), sp.GetRequiredService<UserPasswords>(),
            sp.GetRequiredService<TokenIssuer>(), sp.GetRequiredService<Audit.AuditLog>(), sp.GetRequiredService<IOptions<AuthOptions>>(),
            sp.GetRequiredService<IOptions<SignInOptions>>(), TimeProvider.System));
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<HubSessions>();
        services.AddSingleton<UserStateCache>();
        services.AddHostedService<DemoUsersSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<UserStateCache>());
        services.Configure<HubOptions>(o => o.AddFilter<HubSessionFilter>());
        services.AddSingleton<HubSessionFilter>();
    }

    // In demo mode the demo users' file joins the configuration right after the other appsettings files, so the
    // environment and the command line still override it. Outside demo mode it is never read.
    private static void AddDemoSettings(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>($"{AuthOptions.Section}:{nameof(AuthOptions.DemoMode)}")) return;
        var path = Path.Combine(builder.Environment.ContentRootPath, DemoSettingsFile);
        if (!File.Exists(path)) throw new InvalidOperationException($"Auth:DemoMode is on but {path} does not exist");
        var sources = builder.Configuration.Sources;
        var at = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i + 1;
        var demo = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        demo.ResolveFileProvider();
        sources.Insert(at, demo);
    }
}
