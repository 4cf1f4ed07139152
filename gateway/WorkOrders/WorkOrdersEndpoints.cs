using System.Text.Json;
using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Domain.WorkOrders;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.WorkOrders;

/// <summary>
/// Work orders (派单): <c>POST /api/v1/work-orders</c> and its steps <c>…/{id}/accept|complete|reject</c>,
/// <c>GET /api/v1/work-orders/{id}</c> and the caller's inbox <c>GET /api/v1/work-orders</c>. Who may do what
/// is the domain's one access model (<see cref="AccessRules"/>); what a step may do is the domain's <see cref="WorkOrderSteps"/>.
/// Every refusal is audited.
/// </summary>
public static class WorkOrdersEndpoints
{
    /// <summary>A work order body is a few fields; anything much bigger is not one.</summary>
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/v1/work-orders").RequireAuthorization();
        orders.MapPost("", DispatchAsync)
            .WithName("DispatchWorkOrder")
            .WithSummary("Dispatch a work order for a customer to a store or an account manager.")
            .WithDescription("Allowed for the customer's phone manager, the customer's account manager, and administrators; for anyone " +
                "else an unknown customer answers 403 like one that is not theirs (admins: 404). " +
                "kind is device-swap, sim, payment, visit or other; addressee.kind is store or account-manager; dueAt (with an offset) must lie " +
                "in the next 90 days; notes at most 500 characters. A bad field is refused (400) with a reason naming it.")
            .Accepts<WorkOrderDraft>("application/json")
            .Produces<WorkOrder>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapStep(orders, "accept", "AcceptWorkOrder", "The addressee takes the order on (dispatched → accepted).", null,
            (grain, _, by) => grain.Accept(by));
        MapStep(orders, "complete", "CompleteWorkOrder", "The addressee did it (accepted → done), with the outcome.", "outcome",
            (grain, outcome, by) => grain.Complete(outcome, by)).Accepts<CompleteWorkOrderBody>("application/json");
        MapStep(orders, "reject", "RejectWorkOrder", "The addressee cannot do it (dispatched or accepted → rejected), with the reason.", "reason",
            (grain, reason, by) => grain.Reject(reason, by)).Accepts<RejectWorkOrderBody>("application/json");
        orders.MapGet("/{id}", GetAsync)
            .WithName("GetWorkOrder")
            .WithSummary("One work order as it stands; for its addressee, its dispatcher and administrators.")
            .Produces<WorkOrder>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapGet("", GetInboxAsync)
            .WithName("GetWorkOrderInbox")
            .WithSummary("The caller's work orders: open ones by due time, then those closed in the last 24 hours.")
            .WithDescription("Store staff see their store's, account managers theirs, phone managers the orders they dispatched. " +
                "Administrators may name any inbox: ?addressee=store:S01 (or account-manager:AM01, phone-manager:PM01). " +
                "The version is the one workOrderChanged notices on the topic workorders:{inbox} carry.")
            .Produces<WorkOrderInboxView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>A step's route; <paramref name="field"/> names the body's text the step takes (outcome, reason), if any.</summary>
    private static RouteHandlerBuilder MapStep(RouteGroupBuilder orders, string step, string name, string summary, string? field,
        Func<IWorkOrderGrain, string?, string, Task<WorkOrderResult>> take) =>
        orders.MapPost($"/{{id}}/{step}", (string id, HttpRequest request, IClusterClient cluster) =>
                StepAsync(id, request, cluster, field, take))
            .WithName(name)
            .WithSummary(summary + " Only the addressee (the store's staff, or the account manager) or an administrator; 409 with the reason when the order's state does not allow it.")
            .Produces<WorkOrder>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> DispatchAsync(HttpRequest request, IClusterClient cluster, CustomerReader reader)
    {
        var http = request.HttpContext;
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        // Refused before anything is looked up, so a role that never dispatches learns nothing about customers.
        if (!AccessRules.MayDispatch(viewer) || AccessRules.InboxOf(viewer) is not { } dispatcherInbox)
            return http.Denied("", "dispatch: role does not dispatch", Forbidden($"role {viewer.Role} does not dispatch work orders"));
        var (body, bodyError) = await ReadBodyAsync(request);
        var (draft, error) = body is { } json ? WorkOrderRequests.ReadDraft(json) : (null, bodyError);
        if (draft is null) return Invalid(error!);
        if (!Ids.IsId(draft.CustomerId)) return Invalid(Ids.Rule("customerId"));
        if (viewer.IsAdmin)
        {
            if (await cluster.GetGrain<ICustomerGrain>(draft.CustomerId).GetSummary() is null)
                return NotFound("Customer not found", $"no customer {draft.CustomerId} is registered");
        }
        // Decided from the read model: no customer's profile is loaded for a caller who may not dispatch for them,
        // and an unknown customer answers exactly like one that is not theirs.
        else if (!AccessRules.MayDispatchFor(viewer, await reader.FactsAsync(draft.CustomerId)))
            return http.Denied(draft.CustomerId, "dispatch: not the customer's manager",
                Forbidden($"{viewer.Name} is neither the phone manager nor the account manager of customer {draft.CustomerId}"));

        var id = WorkOrderSteps.NewId();
        var result = await cluster.GetGrain<IWorkOrderGrain>(id).Dispatch(draft, new Dispatcher(viewer.Name, viewer.Role, dispatcherInbox));
        if (result.Outcome != WorkOrderOutcome.Applied) return Answer(result);
        await http.AuditWorkOrdersAsync([result.Order!], AuditKinds.Action);
        return Results.Created($"/api/v1/work-orders/{id}", result.Order);
    }

    private static async Task<IResult> StepAsync(string id, HttpRequest request, IClusterClient cluster, string? field,
        Func<IWorkOrderGrain, string?, string, Task<WorkOrderResult>> step)
    {
        var http = request.HttpContext;
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (!Ids.IsId(id)) return Invalid(Ids.Rule("a work order id"));
        string? text = null;
        if (field is not null)
        {
            var (body, bodyError) = await ReadBodyAsync(request);
            var (read, error) = body is { } json ? WorkOrderRequests.ReadText(json, field) : (null, bodyError);
            if (error is not null) return Invalid(error);
            text = read;
        }
        var grain = cluster.GetGrain<IWorkOrderGrain>(id);
        // The addressee never changes, so checking it before the step cannot race with another step.
        if (await grain.Get() is not { } order) return Answer(WorkOrderResult.Unknown(id));
        if (!AccessRules.MayActOnWorkOrder(viewer, order.Addressee))
            return http.Denied(order.CustomerId, $"work-order step on {id}: not the addressee",
                Forbidden($"work order {id} is addressed to {order.Addressee.Inbox}; only its addressee or an administrator may act on it"));
        var result = await step(grain, text, viewer.Name);
        if (result is { Outcome: WorkOrderOutcome.Applied, Order: { } done }) await http.AuditWorkOrdersAsync([done], AuditKinds.Action);
        return Answer(result, AccessRules.Masks(viewer));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IClusterClient cluster)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        if (!Ids.IsId(id)) return Invalid(Ids.Rule("a work order id"));
        if (await cluster.GetGrain<IWorkOrderGrain>(id).Get() is not { } order) return Answer(WorkOrderResult.Unknown(id));
        if (!AccessRules.MayReadWorkOrder(viewer, order))
            return http.Denied(order.CustomerId, $"work order {id}: neither addressee nor dispatcher",
                Forbidden($"work order {id} belongs to {order.Addressee.Inbox} and {order.DispatchedBy.Inbox}"));
        await http.AuditWorkOrdersAsync([order]);
        return Results.Ok(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(order) : order);
    }

    private static async Task<IResult> GetInboxAsync(string? addressee, HttpContext http, IClusterClient cluster)
    {
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        var own = AccessRules.InboxOf(viewer);
        if ((addressee ?? own) is not { } inbox) return http.Denied("", "work-order inbox: role has none", Forbidden($"role {viewer.Role} has no work-order inbox"));
        if (!AccessRules.IsInboxKey(inbox))
            return Invalid("addressee must name an inbox like store:S01, account-manager:AM01 or phone-manager:PM01");
        if (!AccessRules.MayFollowInbox(viewer, inbox))
            return http.Denied("", $"work-order inbox {inbox}", Forbidden($"{viewer.Name} may read only their own inbox, {own}"));
        var view = await cluster.GetGrain<IWorkOrderInboxGrain>(inbox).Get();
        await http.AuditWorkOrdersAsync(view.WorkOrders);
        return Results.Ok(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(view) : view);
    }

    /// <summary>The body as JSON, an empty body as <c>{}</c> (a step whose text is missing says so itself), or why it cannot be read.</summary>
    private static async Task<(JsonElement? Body, string? Error)> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, $"the body must be at most {MaxBodyBytes} bytes");
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxBodyBytes) return (null, $"the body must be at most {MaxBodyBytes} bytes");
        try
        {
            using var json = JsonDocument.Parse(buffer.Length == 0 ? "{}"u8.ToArray() : buffer.ToArray());
            return (json.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, "the body is not valid JSON");
        }
    }

    /// <summary>Whether the caller sees work orders as a masked viewer (store staff): free text with its numbers masked.</summary>

    private static IResult Answer(WorkOrderResult result, bool masked = false) => result.Outcome switch
    {
        WorkOrderOutcome.Applied => Results.Ok(masked ? PersonalDataMasking.Mask(result.Order!) : result.Order),
        WorkOrderOutcome.Invalid => Invalid(result.Error!),
        WorkOrderOutcome.Refused => Results.Problem(title: "The work order cannot take this step", detail: result.Error, statusCode: StatusCodes.Status409Conflict),
        _ => NotFound("Work order not found", result.Error!),
    };

    private static IResult Invalid(string detail) =>
        Results.Problem(title: "The work order request is invalid", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Forbidden(string detail) =>
        Results.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    private static IResult NotFound(string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);
}
