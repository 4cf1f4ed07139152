using Customer360.Gateway.Access;
using Customer360.Gateway.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Customer360.Gateway.OrleansDashboard;

/// <summary>
/// Orleans' dashboard on the gateway, for administrators (<see cref="OrleansDashboardOptions"/>): the Orleans client
/// gets its services (<c>AddDashboard</c> in the client builder), the silos collect the statistics it shows.
/// </summary>
public static class OrleansDashboardHostingExtensions
{
    /// <summary>
    /// The dashboard's page needs what the consoles' policy allows, plus inline style <em>attributes</em> only
    /// (style-src-attr: its page sets them; no inline style element) and its bundled fonts as data: URIs (Chromium
    /// refused both under the consoles' policy) — still no inline or foreign script, no framing, no plugins.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Reads and checks <c>OrleansDashboard</c>, and adds the dashboard's authentication and policy.</summary>
    public static WebApplicationBuilder AddCustomer360OrleansDashboard(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrleansDashboardOptions.Section).Get<OrleansDashboardOptions>() ?? new OrleansDashboardOptions();
        var problems = options.Validate().ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
        builder.Services.AddOptions<OrleansDashboardOptions>().BindConfiguration(OrleansDashboardOptions.Section);
        builder.Services.AddOrleansDashboardAuthentication();
        return builder;
    }

    /// <summary>Maps the dashboard under its path, and the route that opens it in a browser; nothing when it is off.</summary>
    public static WebApplication MapCustomer360OrleansDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OrleansDashboardOptions>>().Value;
        if (!options.Enabled) return app;
        app.MapOrleansDashboardSession();
        app.MapOrleansDashboard(options.Path)
            .RequireAuthorization(OrleansDashboardAuthentication.Policy)
            // Operators' pages, not the API: out of the OpenAPI document (and so of the audit coverage table).
            .ExcludeFromDescription()
            .WithMetadata(new ContentSecurityPolicyMetadata(ContentSecurityPolicy))
            .AddEndpointFilter(async (context, next) => IsGrainState(context.HttpContext)
                // A grain's state is a customer's profile: personal data, which leaves the gateway only through the
                // audited API. The dashboard's grain-state viewer is therefore refused.
                ? Problems.Forbidden("grain state holds personal data; read profiles through the audited API")
                : await next(context));
        return app;
    }

    private static bool IsGrainState(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase) == true;
}
