using Customer360.Domain.Access;
using Customer360.Domain.Events;
using Customer360.Domain.Views;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;
using Customer360.Gateway.Search;

namespace Customer360.Gateway.Api;

/// <summary>
/// <c>POST /api/v1/alerts/{alertId}/ack|snooze|resolve</c>: acknowledge, snooze until a time, resolve with an
/// outcome. Allowed to the alert's owner (the phone manager, or the store for a walk-in), the customer's phone
/// manager, the account manager for walk-ins, and admins. The action is journaled on the customer and pushed
/// to every console that sees them; the answer is the profile as it is now.
/// </summary>
public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        foreach (var (verb, action) in new[] { ("ack", AlertActionKind.Acknowledge), ("snooze", AlertActionKind.Snooze), ("resolve", AlertActionKind.Resolve) })
        {
            app.MapPost($"/api/v1/alerts/{{alertId}}/{verb}", (string alertId, AlertActionRequest? body, HttpContext http,
                    CustomerReader reader, StaffEvents staff, CustomerSearch search) => ActAsync(alertId, action, body ?? new(), http, reader, staff, search))
                .WithName($"Alert{action}")
                .WithSummary(action switch
                {
                    AlertActionKind.Acknowledge => "Acknowledge an alert (open or snoozed → acknowledged).",
                    AlertActionKind.Snooze => "Snooze an alert until a time (body: until); then it is open again.",
                    _ => "Resolve an alert with the outcome a person gave (body: outcome).",
                })
                .Produces<ProfileView>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .RequireAuthorization(Roles.StaffPolicy);
        }
        return app;
    }

    private static async Task<IResult> ActAsync(string alertId, AlertActionKind action, AlertActionRequest body, HttpContext http,
        CustomerReader reader, StaffEvents staff, CustomerSearch search)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (alertId.Length > 200) return Problems.BadRequest("alertId is longer than 200 characters");
        if (action == AlertActionKind.Snooze && body.Until is null) return Problems.BadRequest("until is required to snooze an alert");
        if (action == AlertActionKind.Resolve && string.IsNullOrWhiteSpace(body.Outcome)) return Problems.BadRequest("outcome is required to resolve an alert");
        if (body.CustomerId is { } given && !Ids.IsId(given)) return Problems.BadRequest(Ids.Rule("customerId"));
        // For everyone but admins an unknown alert or customer answers like one that is not theirs.
        var notYours = Problems.Forbidden($"alert {alertId} is not yours to act on");
        var customerId = body.CustomerId ?? await search.CustomerOfAlertAsync(alertId);
        if (customerId is null)
            return viewer.IsAdmin ? Problems.NotFound($"alert {alertId} not found") : http.Denied("", "alert action: no such alert", notYours);

        var language = ConsoleLanguage.Of(http);
        var read = await reader.ReadAsync(viewer, customerId, language);
        if (read.Status == CustomerReadStatus.NotFound) return Problems.NotFound($"no customer {customerId} is registered");
        if (read.Status == CustomerReadStatus.Forbidden) return http.Denied(read.Facts is null ? "" : customerId, $"alert action: {read.Why}", notYours);
        var alert = read.View?.Derived.Alerts.FirstOrDefault(a => a.Id == alertId);
        if (alert is not null && !AccessRules.MayActOnAlert(viewer, read.Facts!, alert)) return http.Denied(customerId, "alert action: not the alert's owner", notYours);

        var outcome = await staff.SendAsync(customerId, new AlertActionTaken(alertId, action, viewer.Name, body.Until, body.Outcome));
        return await StaffEvents.AnswerAsync(outcome, () => StaffEvents.AuditedViewAsync(http, reader, viewer, customerId, language));
    }
}
