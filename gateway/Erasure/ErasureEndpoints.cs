using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Erasure;

/// <summary>
/// <c>POST /api/v1/customers/{id}/erase</c>: erases a person's data (PIPL's right to deletion, or a closed account
/// past the legal period). Administrators only, with a reason. Audited (kind <c>erasure</c>, the reason as detail)
/// before anything is erased, so no erasure goes unrecorded. The work is the customer grain's
/// (<see cref="ICustomerGrain.Erase"/>), wherever it is active.
/// </summary>
public static class ErasureEndpoints
{
    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/customers/{id}/erase", EraseAsync)
            .WithName("EraseCustomer")
            .WithSummary("Erase a customer's personal data for good, keeping ids, times and amounts; body { \"reason\": \"…\" } (required).")
            .WithDescription("Administrators only. Removes name, number, birthday, group, occupation, interests, notes and free text from " +
                "the journal, the profile and its snapshot, the read model, the MSISDN index (the number is free for a new customer), " +
                "work orders and walk-in lists, and leaves a tombstone: later events for the id are rejected, and the profile answers 410. " +
                "Idempotent: erasing again answers 200 with alreadyErased true. An id nothing is known of: 404, and no tombstone.")
            .Accepts<EraseRequest>("application/json")
            .Produces<EraseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }

    private static async Task<IResult> EraseAsync(string id, EraseRequest? body, HttpContext http, IClusterClient cluster, AuditLog audit)
    {
        if (!Ids.IsId(id)) return Problems.BadRequest(Ids.Rule("customer id"));
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (!AccessRules.MayErase(viewer)) return http.Denied(id, "erasure is for administrators", Problems.Forbidden("only an administrator may erase a customer"));
        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return Problems.BadRequest("reason is required: why the customer is erased (a case number, not personal data)");
        if (reason.Length > EraseRequest.MaxReasonLength) return Problems.BadRequest($"reason must be at most {EraseRequest.MaxReasonLength} characters");

        // Recorded before the erasure: an erasure the log does not hold must not happen (503 when it cannot be).
        await audit.RecordAsync(http.User, [id], AuditLog.Through(http), AuditKinds.Erasure, reason, http.RequestAborted);
        return await cluster.GetGrain<ICustomerGrain>(id).Erase() switch
        {
            ErasureOutcome.Unknown => Problems.NotFound($"nothing is known of customer {id}; no tombstone was left"),
            var outcome => Results.Ok(new EraseResponse(id, outcome == ErasureOutcome.AlreadyErased)),
        };
    }
}
