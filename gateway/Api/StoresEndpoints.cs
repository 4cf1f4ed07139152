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

namespace Customer360.Gateway.Api;

/// <summary>
/// Walk-ins: store staff identify a customer at the counter by phone number. The walk-in is recorded on the
/// customer (a touchpoint; for strategic and mid/high customers it raises the walk-in alert to the store), on the
/// store's list of the day (which lets its staff read that customer today), and pushed to the store's consoles
/// and the customer's account manager. The answer is the customer's context card, masked for store staff.
/// </summary>
public static class StoresEndpoints
{
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/stores/{storeId}/walk-ins", WalkInAsync)
            .WithName("RecordWalkIn")
            .WithSummary("Identify a customer at a store's counter by phone number (store staff of that store, or admin).")
            .Produces<ProfileView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapGet("/api/v1/stores/{storeId}/walk-ins", async (string storeId, HttpContext http, IClusterClient cluster,
                [FromKeyedServices(Clocks.Business)] TimeProvider time) =>
            {
                if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
                if (!AccessRules.MayFollow(viewer, Topics.StorePrefix, storeId)) return Problems.Forbidden($"store {storeId} is not yours");
                var list = await cluster.GetGrain<IStoreGrain>(storeId).GetWalkIns(time.GetUtcNow());
                return Results.Ok(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(list) : list);
            })
            .WithName("GetWalkIns")
            .WithSummary("A store's walk-ins of today, newest first. Topic store:{storeId}.")
            .Produces<StoreWalkInsView>().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> WalkInAsync(string storeId, WalkInRequest body, HttpContext http, IClusterClient cluster,
        StaffEvents staff, CustomerReader reader)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (!AccessRules.MayFollow(viewer, Topics.StorePrefix, storeId) || viewer.Role is not (AccessRoles.Store or AccessRoles.Admin))
            return Problems.Forbidden($"only staff of store {storeId} record its walk-ins");
        if (!CustomersEndpoints.IsMsisdn(body.Msisdn)) return Problems.BadRequest("msisdn must be 5 to 15 digits");
        if (await CustomersEndpoints.ResolveAsync(cluster, body.Msisdn!) is not { } customerId)
            return Problems.NotFound($"no customer has msisdn {Masking.Msisdn(body.Msisdn!)}");

        var touchpoint = new TouchpointRecorded(TouchpointChannel.Store, TouchpointKind.WalkIn, storeId, viewer.Name, FourSStage.Site,
            TouchpointCategory.Channel, null, null, null, false);
        // The customer grain puts the customer on the store's list of the day once the walk-in is journaled.
        var outcome = await staff.SendAsync(customerId, touchpoint);
        if (outcome.Kind == EventOutcomeKind.Rejected) return Problems.Conflict(outcome.Error!);
        var read = await reader.ReadAsync(viewer, customerId, ConsoleLanguage.Of(http));
        if (read.View is not { } view) return Problems.OutOfScope(customerId);
        http.AuditRead(customerId);
        return Results.Ok(view);
    }
}
