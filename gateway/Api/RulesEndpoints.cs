using System.Globalization;
using System.Text.Json;
using Customer360.Contracts;
using Customer360.Domain.Rules;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Npgsql;

namespace Customer360.Gateway.Api;

/// <summary>
/// <c>GET/PUT /api/v1/rules</c>: the rule settings (thresholds) every derived value is computed with, and
/// <c>GET /api/v1/rules/history</c>: every accepted change, who made it, when, before and after.
/// </summary>
public static class RulesEndpoints
{
    public const int DefaultHistoryLimit = 50;
    public const int MaxHistoryLimit = 500;

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
                "An accepted change gets the next version and is applied to every active profile within seconds, and to the others when they next activate. " +
                "It is kept in the rules history (GET /api/v1/rules/history) and the audit log (kind rules).")
            .Accepts<RuleSettings>("application/json")
            .Produces<RuleSettings>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.AdminPolicy);
        app.MapGet("/api/v1/rules/history", HistoryAsync)
            .WithName("GetRulesHistory")
            .WithSummary("Every accepted change of the rule settings, newest first: version, when, who, the settings before and after.")
            .WithDescription($"?limit= 1 to {MaxHistoryLimit} (default {DefaultHistoryLimit}); ?before=version to page back. Administrators only.")
            .Produces<IReadOnlyList<RulesChange>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }

    private static async Task<IResult> PutAsync(RuleSettings? settings, HttpContext http, IClusterClient cluster, AuditLog audit)
    {
        if (settings is null) return Results.Problem(detail: "the body must be the rule settings as JSON", statusCode: StatusCodes.Status400BadRequest);
        var grain = cluster.GetGrain<IRulesGrain>(0);
        var changedBy = http.User.Identity?.Name ?? "unknown";
        var result = await grain.Update(settings, settings.Version, changedBy);
        if (result.Accepted)
        {
            await audit.RecordAsync(http.User, [""], AuditLog.Through(http), AuditKinds.Rules,
                $"rule settings version {settings.Version} -> {result.Version}", http.RequestAborted);
            return Results.Ok(await grain.Get());
        }
        return result.Conflict
            ? Results.Problem(title: "The settings changed meanwhile", detail: result.Errors[0], statusCode: StatusCodes.Status409Conflict)
            : Results.ValidationProblem(new Dictionary<string, string[]> { ["rules"] = [.. result.Errors] },
                title: "The rule settings were refused; the settings in force are unchanged");
    }

    private static async Task<IResult> HistoryAsync(string? limit, string? before, HttpContext http, IClusterClient cluster, NpgsqlDataSource db)
    {
        var take = DefaultHistoryLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxHistoryLimit))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be a whole number from 1 to {MaxHistoryLimit}"] });
        long? beforeVersion = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b < 1)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["before"] = ["before must be a positive whole number (a version)"] });
            beforeVersion = b;
        }
        // Rows above the version in force are changes whose store failed, and of a version's rows the newest is the
        // change that stood (012_rules_history.sql).
        var inForce = (await cluster.GetGrain<IRulesGrain>(0).Get()).Version;
        await using var cmd = db.CreateCommand("""
            select distinct on (version) version, changed_at, changed_by, before::text, after::text from c360_rules_history
            where version <= @in_force and version < @before order by version desc, id desc limit @limit
            """);
        cmd.Parameters.AddWithValue("in_force", inForce);
        cmd.Parameters.AddWithValue("before", beforeVersion ?? long.MaxValue);
        cmd.Parameters.AddWithValue("limit", take);
        var changes = new List<RulesChange>();
        await using var rows = await cmd.ExecuteReaderAsync(http.RequestAborted);
        while (await rows.ReadAsync(http.RequestAborted))
            changes.Add(new RulesChange(rows.GetInt64(0), rows.GetFieldValue<DateTimeOffset>(1), rows.GetString(2),
                JsonSerializer.Deserialize<JsonElement>(rows.GetString(3)), JsonSerializer.Deserialize<JsonElement>(rows.GetString(4))));
        return Results.Ok(changes);
    }
}
