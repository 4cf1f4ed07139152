using System.Text.Json;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;

namespace Customer360.Gateway.Api;

/// <summary>
/// What staff record on a customer: manual tags (<c>POST/DELETE /api/v1/customers/{id}/tags</c>) and touchpoints
/// — visits, calls, complaints, campaigns, notes (<c>POST /api/v1/customers/{id}/touchpoints</c>). Each is journaled
/// on the customer, pushed to every console that sees them, and answered with the profile as it is now.
/// </summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/customers/{id}/tags", (string id, TagRequest body, HttpContext http, CustomerReader reader, StaffEvents staff) =>
                TagAsync(id, body.Tag, added: true, http, reader, staff))
            .WithName("AddManualTag")
            .WithSummary("Add a manual tag (account manager of the customer, or admin).")
            .Produces<ProfileView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapDelete("/api/v1/customers/{id}/tags/{tag}", (string id, string tag, HttpContext http, CustomerReader reader, StaffEvents staff) =>
                TagAsync(id, tag, added: false, http, reader, staff))
            .WithName("RemoveManualTag")
            .WithSummary("Remove a manual tag (automatic tags belong to the rules).")
            .Produces<ProfileView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Roles.StaffPolicy);
        app.MapPost("/api/v1/customers/{id}/touchpoints", RecordTouchpointAsync)
            .WithName("RecordTouchpoint")
            .WithSummary("Record a contact: the touchpoint payload of the event feed (channel, kind, stage, category, score, reference, note, discount).")
            .WithDescription("The staff id is the signed-in user; store staff record for their own store. A walk-in is refused here (403): it is recorded at POST /api/v1/stores/{storeId}/walk-ins.")
            .Accepts<object>("application/json")
            .Produces<ProfileView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> TagAsync(string id, string? tag, bool added, HttpContext http, CustomerReader reader, StaffEvents staff)
    {
        if (!Ids.IsId(id)) return Problems.BadRequest(Ids.Rule("customer id"));
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (string.IsNullOrWhiteSpace(tag)) return Problems.BadRequest("tag is required");
        var language = ConsoleLanguage.Of(http);
        var read = await reader.ReadAsync(viewer, id, language);
        if (read.Status == CustomerReadStatus.NotFound) return Problems.NotFound($"no customer {id} is registered");
        if (read.Status == CustomerReadStatus.Forbidden) return http.Denied(id, $"tag: {read.Why}", Problems.OutOfScope(id));
        if (!AccessRules.MayAnnotate(viewer, read.Facts!)) return http.Denied(id, "tag: not the account manager", Problems.Forbidden($"you may not tag customer {id}"));
        var outcome = await staff.SendAsync(id, new ManualTagChanged(tag.Trim(), added, viewer.Name));
        return await StaffEvents.AnswerAsync(outcome, () => StaffEvents.AuditedViewAsync(http, reader, viewer, id, language));
    }

    private static async Task<IResult> RecordTouchpointAsync(string id, JsonElement body, HttpContext http, CustomerReader reader, StaffEvents staff,
        [FromKeyedServices(Clocks.Business)] TimeProvider time)
    {
        if (!Ids.IsId(id)) return Problems.BadRequest(Ids.Rule("customer id"));
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var (payload, error) = EventParser.ParsePayload(EventTypes.Touchpoint, body, time.GetUtcNow());
        if (payload is not TouchpointRecorded touchpoint) return Problems.BadRequest(error ?? "not a touchpoint");
        // Refused before anything is looked up: a walk-in opens the customer to a store, so it has its own route.
        if (touchpoint.Kind == TouchpointKind.WalkIn)
            return http.Denied(id, "walk-in touchpoint outside the walk-in route", Problems.Forbidden(
                "a walk-in is recorded only by the store's own staff, at POST /api/v1/stores/{storeId}/walk-ins"));
        var language = ConsoleLanguage.Of(http);
        var read = await reader.ReadAsync(viewer, id, language);
        if (read.Status == CustomerReadStatus.NotFound) return Problems.NotFound($"no customer {id} is registered");
        if (read.Status == CustomerReadStatus.Forbidden) return http.Denied(id, $"touchpoint: {read.Why}", Problems.OutOfScope(id));
        if (!AccessRules.MayRecordTouchpoint(viewer, read.Facts!, touchpoint.Kind, read.WalkedInToday))
            return http.Denied(id, "touchpoint: role records no contacts", Problems.Forbidden($"you may not record contacts with customer {id}"));
        // Who recorded it is the signed-in user, whatever the body says; store staff record at their own store.
        touchpoint = touchpoint with
        {
            StaffId = viewer.Name,
            StoreId = viewer.Role == AccessRoles.Store ? viewer.StoreId : touchpoint.StoreId,
            Channel = viewer.Role == AccessRoles.Store ? TouchpointChannel.Store : touchpoint.Channel,
        };
        var outcome = await staff.SendAsync(id, touchpoint);
        return await StaffEvents.AnswerAsync(outcome, () => StaffEvents.AuditedViewAsync(http, reader, viewer, id, language));
    }
}
