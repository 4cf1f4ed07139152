using Customer360.Contracts;
using Customer360.Domain.Rules;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Api;

/// <summary><c>GET/PUT /api/v1/rules</c>: the rule settings (thresholds) every derived value is computed with.</summary>
public static class RulesEndpoints
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/rules", (IClusterClient cluster) => cluster.GetGrain<IRulesGrain>(0).Get())
            .WithName("GetRules")
            .WithSummary("The rule settings in force, with their version (signed-in staff of any role).")
            .Produces<RuleSettings>()
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapPut("/api/v1/rules", PutAsync)
            .WithName("PutRules")
            .WithSummary("Replace the rule settings. Send the version you read: a stale version is refused (409).")
            .WithDescription("Every setting is validated; a bad one is refused with a reason naming it and the settings in force stay. " +
                "An accepted change gets the next version and is applied to every active profile within seconds, and to the others when they next activate.")
            .Accepts<RuleSettings>("application/json")
            .Produces<RuleSettings>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }

    private static async Task<IResult> PutAsync(RuleSettings? settings, HttpContext http, IClusterClient cluster)
    {
        if (settings is null) return Results.Problem(detail: "the body must be the rule settings as JSON", statusCode: StatusCodes.Status400BadRequest);
        var grain = cluster.GetGrain<IRulesGrain>(0);
        var changedBy = http.User.Identity?.Name ?? "unknown";
        var result = await grain.Update(settings, settings.Version, changedBy);
        if (result.Accepted) return Results.Ok(await grain.Get());
        return result.Conflict
            ? Results.Problem(title: "The settings changed meanwhile", detail: result.Errors[0], statusCode: StatusCodes.Status409Conflict)
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["rules"] = [.. result.Errors] },
                title: "The rule settings were refused; the settings in force are unchanged");
    }
}
