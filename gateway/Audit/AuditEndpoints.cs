using System.Globalization;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Audit;

/// <summary><c>GET /api/v1/audit</c>: who read which customer's data, and what else the log keeps, for administrators.</summary>
public static class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", ListAsync)
            .WithName("GetAudit")
            .WithSummary("The audit log, newest first: who read which customer's data (profiles, list lines, staff actions), when, through what; and sign-ins, user and rules changes.")
            .WithDescription("Filters, all optional and combined: customerId, user (the user name), since (inclusive) and until " +
                "(exclusive) as ISO 8601 times (2026-11-23T00:00:00Z; without an offset, UTC; send an offset's + as %2B), limit (1 to 1000, default 100), kind (read, list, action, denied, sign-in, user, rules, other). " +
                "A bad parameter is a 400 naming it. A read's entry is committed before the read is answered. Administrators only.")
            .Produces<AuditEntry[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }

    private static async Task<IResult> ListAsync(AuditStore store, HttpContext http,
        string? customerId, string? user, string? since, string? until, string? limit, string? kind)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Parse(customerId, user, since, until, limit, errors);
        if (kind is not null && !AuditKinds.All.Contains(kind)) errors["kind"] = [$"kind must be one of {string.Join(", ", AuditKinds.All)}"];
        if (errors.Count > 0) query = null;
        if (query is null) return Results.ValidationProblem(errors, title: "The audit query has a bad parameter");
        // A store outage reaches StoreUnavailableHandler: 503 with Retry-After.
        return Results.Ok(await store.QueryAsync(query with { Kind = kind }, http.RequestAborted));
    }

    private static AuditQuery? Parse(string? customerId, string? user, string? since, string? until, string? limit,
        Dictionary<string, string[]> errors)
    {
        if (customerId is { Length: 0 or > 64 }) errors["customerId"] = ["customerId must be 1 to 64 characters"];
        if (user is { Length: 0 or > 128 }) errors["user"] = ["user must be 1 to 128 characters"];
        var sinceAt = Time(since, "since", errors);
        var untilAt = Time(until, "until", errors);
        if (sinceAt is not null && untilAt is not null && untilAt <= sinceAt) errors["until"] = ["until must be later than since"];
        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}"];
        return errors.Count == 0 ? new AuditQuery(customerId, user, sinceAt, untilAt, count) : null;
    }

    private static DateTimeOffset? Time(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        errors[name] = [$"{name} must be an ISO 8601 time such as 2026-11-23T08:00:00+08:00"];
        return null;
    }
}
