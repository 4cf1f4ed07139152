using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Api;

/// <summary>
/// Walk-ins: store staff identify a customer at the counter by phone number. The walk-in is recorded on the
/// customer (a touchpoint; for strategic and mid/high customers it raises the walk-in alert to the store), on the
/// store's list of the day (which lets its staff read that customer today), and pushed to the store's consoles
/// and the customer's account manager. The answer is the customer's context card, masked for store staff. Since a
/// walk-in opens a customer to the store for the day, staff identify only customers within the walk-in scope, at
/// a bounded rate, and only at their own store.
/// </summary>
public static class StoresEndpoints
{
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/stores/{storeId}/walk-ins", WalkInAsync)
            .WithName("RecordWalkIn")
            .WithSummary("Identify a customer at a store's counter by phone number (store staff of that store, or admin).")
            .WithDescription("Store staff identify customers within Access:WalkInScope (default: their region); an unknown number and a " +
                "customer outside that scope both answer 403 with the same words (admins: 404 for an unknown number). At most " +
                "Access:WalkInsPerMinute walk-ins a minute per staff member (default 30), then 429 with Retry-After.")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(Roles.StaffPolicy)
            .RequireRateLimiting(WalkInRateLimit.Policy);
        app.MapGet("/api/v1/stores/{storeId}/walk-ins", async (string storeId, HttpContext http, IClusterClient cluster,
                [FromKeyedServices(Clocks.Business)] TimeProvider time) =>
            {
                if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
                if (!Ids.IsId(storeId)) return Problems.BadRequest(Ids.Rule("storeId"));
                if (!AccessRules.MayFollow(viewer, Topics.StorePrefix, storeId))
                    return http.Denied("", $"walk-ins of store {storeId}", Problems.Forbidden($"store {storeId} is not yours"));
                var list = await cluster.GetGrain<IStoreGrain>(storeId).GetWalkIns(time.GetUtcNow());
                await http.AuditListAsync(list.WalkIns.Select(w => w.Customer), $"store:{storeId}");
                return Results.Ok(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(list) : list);
            })
            .WithName("GetWalkIns")
            .WithSummary("A store's walk-ins of today, newest first. Topic store:{storeId}.")
            .Produces<StoreWalkInsView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> WalkInAsync(string storeId, WalkInRequest body, HttpContext http, IClusterClient cluster,
        StaffEvents staff, CustomerReader reader, IOptions<AccessOptions> options)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (!Ids.IsId(storeId)) return Problems.BadRequest(Ids.Rule("storeId"));
        if (!AccessRules.MayRecordWalkIn(viewer, storeId))
            return http.Denied("", $"walk-in at store {storeId}, not the caller's", Problems.Forbidden($"only staff of store {storeId} record its walk-ins"));
        if (!CustomersEndpoints.IsMsisdn(body.Msisdn)) return Problems.BadRequest("msisdn must be 5 to 15 digits");
        var masked = Masking.Msisdn(body.Msisdn!);

        // An unknown number and a customer outside the store's scope answer alike, and neither loads a profile.
        var customerId = await CustomersEndpoints.ResolveAsync(cluster, body.Msisdn!);
        if (customerId is null && viewer.IsAdmin) return Problems.NotFound($"no customer has msisdn {masked}");
        var scope = options.Value.Scope;
        if (!viewer.IsAdmin && (customerId is null || !AccessRules.MayIdentify(viewer, await reader.FactsAsync(customerId), scope)))
            return http.Denied(customerId ?? "", customerId is null ? "walk-in: unknown msisdn" : $"walk-in: outside the store's scope ({options.Value.WalkInScope})",
                Problems.Forbidden($"no customer you may identify at store {storeId} has msisdn {masked}"));

        var touchpoint = new TouchpointRecorded(TouchpointChannel.Store, TouchpointKind.WalkIn, storeId, viewer.Name, FourSStage.Site,
            TouchpointCategory.Channel, null, null, null, false);
        // The customer grain puts the customer on the store's list of the day once the walk-in is journaled.
        var outcome = await staff.SendAsync(customerId!, touchpoint);
        if (outcome.Kind == EventOutcomeKind.Rejected) return Problems.Conflict(outcome.Error!);
        var read = await reader.ReadAsync(viewer, customerId!, ConsoleLanguage.Of(http));
        if (read.View is not { } view) return http.Denied(customerId!, $"walk-in read: {read.Why}", Problems.OutOfScope(customerId!));
        await http.AuditReadAsync(customerId!);
        return Results.Ok(view);
    }
}
