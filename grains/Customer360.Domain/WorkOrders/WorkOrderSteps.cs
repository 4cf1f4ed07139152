using System.Globalization;
using System.Text.Json;

namespace Customer360.Domain.WorkOrders;

/// <summary>
/// The work-order state machine: dispatched → accepted → done, rejected (from dispatched or accepted) or
/// expired (due time passed while still open). Pure: each step takes the order and the time and returns the
/// next order, or why not — a refusal names the order and what stands in the way. Fields of a command are
/// checked before the state, so a malformed command is invalid whatever the order's state.
/// </summary>
public static class WorkOrderSteps
{
    /// <summary>Notes, outcomes and reasons are short texts for a console, not documents.</summary>
    public const int MaxTextLength = 500;

    /// <summary>A due time further out than this is a typing error, and would keep the order open for ever.</summary>
    public static readonly TimeSpan MaxDueAhead = TimeSpan.FromDays(90);

    /// <summary>Who takes the expiry step.</summary>
    public const string SystemUser = "system";

    public static string NewId() => $"WO-{Guid.NewGuid():N}";

    /// <summary>The wire name of a state (<c>dispatched</c>…), as consoles and event ids show it.</summary>
    public static string Name(WorkOrderState state) => JsonNamingPolicy.KebabCaseLower.ConvertName(state.ToString());

    public static WorkOrderResult Dispatch(string id, WorkOrderDraft draft, Dispatcher by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(draft.CustomerId)) return WorkOrderResult.Invalid("customerId is required");
        if (string.IsNullOrWhiteSpace(draft.Addressee.Id)) return WorkOrderResult.Invalid("addressee.id is required");
        if (!Enum.IsDefined(draft.Kind) || !Enum.IsDefined(draft.Addressee.Kind)) return WorkOrderResult.Invalid("kind is not a kind of work order or addressee");
        if (TextProblem(draft.Notes, "notes", required: false) is { } notes) return WorkOrderResult.Invalid(notes);
        if (draft.DueAt <= now) return WorkOrderResult.Invalid($"dueAt must be in the future (it is {Stamp(draft.DueAt)}, now is {Stamp(now)})");
        if (draft.DueAt > now + MaxDueAhead) return WorkOrderResult.Invalid($"dueAt must be within {MaxDueAhead.TotalDays:0} days");
        if (string.IsNullOrWhiteSpace(by.UserName)) return WorkOrderResult.Invalid("the dispatching user is required");
        return WorkOrderResult.Applied(new WorkOrder(id, draft.CustomerId, draft.Kind, draft.Addressee, by, now, draft.DueAt,
            string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim(), WorkOrderState.Dispatched, 1, now, by.UserName));
    }

    /// <summary>The addressee takes the order on.</summary>
    public static WorkOrderResult Accept(WorkOrder order, string by, DateTimeOffset now)
    {
        if (ByProblem(by) is { } bad) return WorkOrderResult.Invalid(bad);
        if (order.State == WorkOrderState.Accepted) return WorkOrderResult.Refused(order, $"work order {order.Id} is already accepted");
        return Refusal(order, "accepted", now) ?? WorkOrderResult.Applied(Next(order, WorkOrderState.Accepted, by, now));
    }

    /// <summary>The addressee did it; <paramref name="outcome"/> says what was done.</summary>
    public static WorkOrderResult Complete(WorkOrder order, string? outcome, string by, DateTimeOffset now)
    {
        if ((TextProblem(outcome, "outcome", required: true) ?? ByProblem(by)) is { } bad) return WorkOrderResult.Invalid(bad);
        if (order.State == WorkOrderState.Dispatched)
            return WorkOrderResult.Refused(order, $"work order {order.Id} is dispatched and cannot be completed before it is accepted");
        return Refusal(order, "completed", now)
            ?? WorkOrderResult.Applied(Next(order, WorkOrderState.Done, by, now) with { Outcome = outcome!.Trim() });
    }

    /// <summary>The addressee cannot do it, before or after accepting it; <paramref name="reason"/> says why.</summary>
    public static WorkOrderResult Reject(WorkOrder order, string? reason, string by, DateTimeOffset now)
    {
        if ((TextProblem(reason, "reason", required: true) ?? ByProblem(by)) is { } bad) return WorkOrderResult.Invalid(bad);
        return Refusal(order, "rejected", now)
            ?? WorkOrderResult.Applied(Next(order, WorkOrderState.Rejected, by, now) with { Reason = reason!.Trim() });
    }

    /// <summary>True when the order is still open and its due time has come: <see cref="Expire"/> applies.</summary>
    public static bool IsDue(WorkOrder order, DateTimeOffset now) => order.IsOpen && now >= order.DueAt;

    /// <summary>
    /// Closes an open order whose due time has come. The step is dated at the due time, which is when the
    /// order expired, however late the expiry is noticed (a reminder fires late after an outage).
    /// </summary>
    public static WorkOrderResult Expire(WorkOrder order, DateTimeOffset now)
    {
        if (!order.IsOpen) return WorkOrderResult.Refused(order, $"work order {order.Id} is {Name(order.State)} and cannot expire");
        if (now < order.DueAt)
            return WorkOrderResult.Refused(order, $"work order {order.Id} is due at {Stamp(order.DueAt)} and cannot expire before");
        return WorkOrderResult.Applied(Next(order, WorkOrderState.Expired, SystemUser, order.DueAt));
    }

    /// <summary>Why an order cannot take a step to <paramref name="verb"/> now: closed already, or past its due time.</summary>
    private static WorkOrderResult? Refusal(WorkOrder order, string verb, DateTimeOffset now)
    {
        if (!order.IsOpen) return WorkOrderResult.Refused(order, $"work order {order.Id} is {Name(order.State)} and cannot be {verb}");
        if (now >= order.DueAt)
            return WorkOrderResult.Refused(order, $"work order {order.Id} was due at {Stamp(order.DueAt)} and cannot be {verb} after it");
        return null;
    }

    private static WorkOrder Next(WorkOrder order, WorkOrderState state, string by, DateTimeOffset at) =>
        order with { State = state, Step = order.Step + 1, ChangedAt = at, ChangedBy = by.Trim() };

    private static string? TextProblem(string? text, string field, bool required)
    {
        if (string.IsNullOrWhiteSpace(text)) return required ? $"{field} is required" : null;
        return text.Trim().Length > MaxTextLength ? $"{field} is longer than {MaxTextLength} characters" : null;
    }

    private static string? ByProblem(string by) => string.IsNullOrWhiteSpace(by) ? "the user taking the step is required" : null;

    private static string Stamp(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
