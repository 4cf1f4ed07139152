using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Search;

namespace Customer360.Gateway.Api;

/// <summary>
/// The working lists of each role: search and segments, an account manager's portfolio, a phone manager's alert
/// queue, a region's tier board and tier changes. Each is the snapshot of a hub topic of the same name, so a
/// console reads it, subscribes, and then applies pushes with higher versions.
/// </summary>
public static class ListsEndpoints
{
    public static IEndpointRouteBuilder MapListsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers", SearchAsync)
            .WithName("SearchCustomers")
            .WithSummary("Segments and search within the caller's scope: tier, stage, tag, region, q (a customer id or phone number, looked up exactly, or else a name prefix), page (50 a page, 1 to 200). total counts up to 1,000 matches; totalAtLeast says when there are more.")
            .Produces<SearchPage>().ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/portfolio", (string? managerId, HttpContext http, IClusterClient cluster) =>
                ListAsync(http, cluster, Topics.PortfolioPrefix, managerId, v => v.Role == AccessRoles.AccountManager ? v.ManagerId : null))
            .WithName("GetPortfolio")
            .WithSummary("An account manager's portfolio, most in need of attention first (admins: ?managerId=). Topic portfolio:{managerId}.")
            .Produces<CustomerListView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/alert-queue", (string? managerId, HttpContext http, IClusterClient cluster) =>
                ListAsync(http, cluster, Topics.AlertsPrefix, managerId, v => v.Role == AccessRoles.PhoneManager ? v.ManagerId : null))
            .WithName("GetAlertQueue")
            .WithSummary("A phone manager's customers with unresolved alerts, by severity (admins: ?managerId=). Topic alerts:{managerId}.")
            .Produces<CustomerListView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/tiers/board", async (string? region, HttpContext http, IClusterClient cluster) =>
                await RegionAsync(http, region, async r =>
                {
                    var board = await cluster.GetGrain<ITierBoardGrain>(r).GetBoard();
                    await http.AuditListAsync(board.Changes.Select(c => c.CustomerId), $"tiers:{r}");
                    return Results.Ok(board);
                }))
            .WithName("GetTierBoard")
            .WithSummary("A region's tier board: counts per tier and stage, mid/high base and retention, churn risk, latest tier changes. Topic tiers:{region}.")
            .Produces<TierBoardView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/tiers/changes", async (string? region, HttpContext http, IClusterClient cluster) =>
                await RegionAsync(http, region, async r =>
                {
                    var changes = (await cluster.GetGrain<ITierBoardGrain>(r).GetBoard()).Changes;
                    await http.AuditListAsync(changes.Select(c => c.CustomerId), $"tiers:{r}");
                    return Results.Ok(changes);
                }))
            .WithName("GetTierChanges")
            .WithSummary("A region's latest tier changes, newest first, each with from, to, reason and time.")
            .Produces<IReadOnlyList<TierChangeNotice>>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> SearchAsync(string? tier, string? stage, string? tag, string? region, string? q, string? page,
        HttpContext http, CustomerSearch search)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var (filters, error) = SearchFilters.Parse(tier, stage, tag, region, q, page);
        if (filters is null) return Problems.BadRequest(error!);
        var found = await search.SearchAsync(viewer, filters, http.RequestAborted);
        // The filters stay out of the entry: q may be a phone number.
        await http.AuditListAsync(found.Customers, $"page {found.Page}");
        return Results.Ok(found);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IClusterClient cluster, string kind, string? managerId, Func<Viewer, string?> own)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var key = managerId ?? own(viewer);
        if (key is null) return Problems.BadRequest("managerId is required");
        if (!Ids.IsId(key)) return Problems.BadRequest(Ids.Rule("managerId"));
        if (!AccessRules.MayFollow(viewer, kind, key)) return http.Denied("", $"{kind} of {key}", Problems.Forbidden($"the {kind} of {key} is not yours to read"));
        var list = await cluster.GetGrain<ICustomerListGrain>($"{kind}:{key}").GetList();
        await http.AuditListAsync(list.Customers, list.Topic);
        return Results.Ok(list);
    }

    private static async Task<IResult> RegionAsync(HttpContext http, string? region, Func<string, Task<IResult>> read)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var key = region ?? viewer.Region;
        if (key is null) return Problems.BadRequest("region is required");
        if (key.Length > Ids.MaxLength) return Problems.BadRequest($"region must be at most {Ids.MaxLength} characters");
        return AccessRules.MayFollow(viewer, Topics.TiersPrefix, key)
            ? await read(key)
            : http.Denied("", $"tiers of region {key}", Problems.Forbidden($"region {key} is not yours to read"));
    }
}
