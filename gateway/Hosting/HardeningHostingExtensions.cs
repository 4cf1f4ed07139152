using Customer360.Gateway.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// The gateway's HTTP hardening: authenticated by default, security headers, no-store on personal data, small
/// staff bodies, OpenAPI for signed-in callers (off in Production unless enabled), HTTPS with HSTS when Kestrel
/// has a certificate.
/// </summary>
public static class HardeningHostingExtensions
{
    /// <summary>Registers the options and the fallback policy. Reads <c>Hardening</c> and <c>Kestrel</c>.</summary>
    public static WebApplicationBuilder AddCustomer360Hardening(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HardeningOptions.Section).Get<HardeningOptions>() ?? new HardeningOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        builder.Services.AddOptions<HardeningOptions>().BindConfiguration(HardeningOptions.Section);

        // Every endpoint needs a signed-in caller unless it says otherwise (health, sign-in, the dashboard's page):
        // an endpoint added later without a policy is closed, not open. Producers' API keys count as signed in.
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(
            new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser().Build());
        if (HasCertificate(builder.Configuration))
            builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays));
        return builder;
    }

    /// <summary>
    /// The first middleware: headers on every answer, then HSTS and the redirect to HTTPS (of all but
    /// <c>/health</c>) when a certificate is configured, then the staff body limit.
    /// </summary>
    public static WebApplication UseCustomer360Hardening(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (HasCertificate(app.Configuration))
        {
            app.UseHsts();
            // Health answers carry nothing personal, and load balancers often probe over plain HTTP.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }
        app.UseStaffBodyLimit();
        return app;
    }

    /// <summary>
    /// Whether <c>/openapi/v1.json</c> is served (to signed-in users and producers only, by the fallback policy):
    /// setting <c>OpenApi:Enabled</c>; unset, on except in the Production environment.
    /// </summary>
    public static bool OpenApiEnabled(this WebApplication app) => app.Configuration.GetValue<bool?>("OpenApi:Enabled") ?? !app.Environment.IsProduction();

    /// <summary>
    /// HTTPS is on when Kestrel has a certificate: the default one (<c>Kestrel:Certificates:Default</c>) or one
    /// of an endpoint (<c>Kestrel:Endpoints:{name}:Certificate</c>).
    /// </summary>
    public static bool HasCertificate(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Certificates:Default").Exists()
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => e.GetSection("Certificate").Exists());
}
