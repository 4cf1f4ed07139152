using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Tests;

/// <summary>The work-order state machine: one row per transition and per refusal.</summary>
public sealed class WorkOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Now.AddDays(2);
    private static readonly Dispatcher Pm = new("pm01", "phone-manager", "phone-manager:PM01");
    private const string Id = "WO-1";

    private static WorkOrderDraft Draft(DateTimeOffset? due = null, string? notes = "bring the new SIM", string customerId = "C1") =>
        new(customerId, new Addressee(AddresseeKind.Store, "S01"), WorkOrderKind.Sim, due ?? Due, notes);

    private static WorkOrder Applied(WorkOrderResult result)
    {
        Assert.True(result.Outcome == WorkOrderOutcome.Applied, result.Error);
        return result.Order!;
    }

    /// <summary>An order brought to <paramref name="state"/> the way the grain would, an hour apart.</summary>
    private static WorkOrder In(WorkOrderState state)
    {
        var order = Applied(WorkOrderSteps.Dispatch(Id, Draft(), Pm, Now));
        return state switch
        {
            WorkOrderState.Dispatched => order,
            WorkOrderState.Accepted => Applied(WorkOrderSteps.Accept(order, "store01", Now.AddHours(1))),
            WorkOrderState.Done => Applied(WorkOrderSteps.Complete(In(WorkOrderState.Accepted), "swapped", "store01", Now.AddHours(2))),
            WorkOrderState.Rejected => Applied(WorkOrderSteps.Reject(order, "no stock", "store01", Now.AddHours(1))),
            WorkOrderState.Expired => Applied(WorkOrderSteps.Expire(order, Due)),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
    }

    [Fact]
    public void dispatch_makes_a_dispatched_order_at_step_one_with_trimmed_notes()
    {
        var order = Applied(WorkOrderSteps.Dispatch(Id, Draft(notes: "  call first  "), Pm, Now));
        Assert.Equal((Id, "C1", WorkOrderState.Dispatched, 1, Now, "pm01", "call first", Due),
            (order.Id, order.CustomerId, order.State, order.Step, order.ChangedAt, order.ChangedBy, order.Notes, order.DueAt));
        Assert.Equal("store:S01", order.Addressee.Inbox);
        Assert.True(order.IsOpen);
    }

    public static TheoryData<string, WorkOrderState, Func<WorkOrder, WorkOrderResult>, WorkOrderState, string> Transitions => new()
    {
        { "accept a dispatched order", WorkOrderState.Dispatched, o => WorkOrderSteps.Accept(o, "store01", Now.AddHours(3)), WorkOrderState.Accepted, "store01" },
        { "complete an accepted order", WorkOrderState.Accepted, o => WorkOrderSteps.Complete(o, " swapped ", "store01", Now.AddHours(3)), WorkOrderState.Done, "store01" },
        { "reject a dispatched order", WorkOrderState.Dispatched, o => WorkOrderSteps.Reject(o, " no stock ", "store01", Now.AddHours(3)), WorkOrderState.Rejected, "store01" },
        { "reject an accepted order", WorkOrderState.Accepted, o => WorkOrderSteps.Reject(o, "customer moved", "store01", Now.AddHours(3)), WorkOrderState.Rejected, "store01" },
        { "expire a dispatched order at its due time", WorkOrderState.Dispatched, o => WorkOrderSteps.Expire(o, Due), WorkOrderState.Expired, WorkOrderSteps.SystemUser },
        { "expire an accepted order noticed late", WorkOrderState.Accepted, o => WorkOrderSteps.Expire(o, Due.AddDays(3)), WorkOrderState.Expired, WorkOrderSteps.SystemUser },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void each_allowed_step_moves_the_order_on_by_one_step(string rule, WorkOrderState from, Func<WorkOrder, WorkOrderResult> step,
        WorkOrderState to, string by)
    {
        var before = In(from);
        var after = step(before);
        Assert.True(after.Outcome == WorkOrderOutcome.Applied, $"{rule}: {after.Error}");
        Assert.Equal((to, before.Step + 1, by), (after.Order!.State, after.Order.Step, after.Order.ChangedBy));
        Assert.Equal(to is WorkOrderState.Accepted, after.Order.IsOpen);
        // What does not belong to the step stays as dispatched.
        Assert.Equal((before.Id, before.DueAt, before.DispatchedAt, before.Notes), (after.Order.Id, after.Order.DueAt, after.Order.DispatchedAt, after.Order.Notes));
    }

    [Fact]
    public void done_keeps_the_outcome_rejected_keeps_the_reason_and_expired_is_dated_at_the_due_time()
    {
        Assert.Equal(("swapped", null), (In(WorkOrderState.Done).Outcome, In(WorkOrderState.Done).Reason));
        Assert.Equal((null, "no stock"), (In(WorkOrderState.Rejected).Outcome, In(WorkOrderState.Rejected).Reason));
        Assert.Equal(Due, Applied(WorkOrderSteps.Expire(In(WorkOrderState.Accepted), Due.AddHours(5))).ChangedAt);
    }

    private static readonly (string Verb, Func<WorkOrder, DateTimeOffset, WorkOrderResult> Step)[] Steps =
    [
        ("accepted", (o, at) => WorkOrderSteps.Accept(o, "store01", at)),
        ("completed", (o, at) => WorkOrderSteps.Complete(o, "done it", "store01", at)),
        ("rejected", (o, at) => WorkOrderSteps.Reject(o, "cannot", "store01", at)),
    ];

    public static TheoryData<string, WorkOrderState, Func<WorkOrder, WorkOrderResult>, string> Refusals()
    {
        var rows = new TheoryData<string, WorkOrderState, Func<WorkOrder, WorkOrderResult>, string>
        {
            { "accept twice", WorkOrderState.Accepted, o => WorkOrderSteps.Accept(o, "store01", Now.AddHours(3)), "work order WO-1 is already accepted" },
            { "complete before accepting", WorkOrderState.Dispatched, o => WorkOrderSteps.Complete(o, "done", "store01", Now.AddHours(3)),
                "work order WO-1 is dispatched and cannot be completed before it is accepted" },
            { "expire before the due time", WorkOrderState.Accepted, o => WorkOrderSteps.Expire(o, Due.AddSeconds(-1)),
                "work order WO-1 is due at 2026-11-25T08:00:00+00:00 and cannot expire before" },
        };
        foreach (var closed in (WorkOrderState[])[WorkOrderState.Done, WorkOrderState.Rejected, WorkOrderState.Expired])
        {
            var name = WorkOrderSteps.Name(closed);
            foreach (var (verb, step) in Steps)
                rows.Add($"{verb} when {name}", closed, o => step(o, Now.AddHours(3)), $"work order WO-1 is {name} and cannot be {verb}");
            rows.Add($"expire when {name}", closed, o => WorkOrderSteps.Expire(o, Due.AddDays(1)), $"work order WO-1 is {name} and cannot expire");
        }
        foreach (var (verb, step) in Steps)
            rows.Add($"{verb} at the due time", verb == "completed" ? WorkOrderState.Accepted : WorkOrderState.Dispatched, o => step(o, Due),
                $"work order WO-1 was due at 2026-11-25T08:00:00+00:00 and cannot be {verb} after it");
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void a_step_the_state_does_not_allow_is_refused_naming_the_order_and_the_state(string rule, WorkOrderState from,
        Func<WorkOrder, WorkOrderResult> step, string refusal)
    {
        var before = In(from);
        var result = step(before);
        Assert.True(result.Outcome == WorkOrderOutcome.Refused, $"{rule}: {result.Outcome} {result.Error}");
        Assert.Equal(refusal, result.Error);
        // The refusal carries the order as it stands, unchanged.
        Assert.Equal(before, result.Order);
    }

    public static TheoryData<string, Func<WorkOrderResult>, string> InvalidCommands => new()
    {
        { "due time now", () => WorkOrderSteps.Dispatch(Id, Draft(due: Now), Pm, Now), "dueAt must be in the future" },
        { "due time past", () => WorkOrderSteps.Dispatch(Id, Draft(due: Now.AddMinutes(-1)), Pm, Now), "dueAt must be in the future" },
        { "due time too far", () => WorkOrderSteps.Dispatch(Id, Draft(due: Now.AddDays(91)), Pm, Now), "dueAt must be within 90 days" },
        { "notes too long", () => WorkOrderSteps.Dispatch(Id, Draft(notes: new string('n', 501)), Pm, Now), "notes is longer than 500 characters" },
        { "no customer", () => WorkOrderSteps.Dispatch(Id, Draft(customerId: " "), Pm, Now), "customerId is required" },
        { "no dispatcher", () => WorkOrderSteps.Dispatch(Id, Draft(), Pm with { UserName = "" }, Now), "the dispatching user is required" },
        { "complete without outcome", () => WorkOrderSteps.Complete(In(WorkOrderState.Accepted), " ", "store01", Now.AddHours(3)), "outcome is required" },
        { "complete a rejected order without outcome", () => WorkOrderSteps.Complete(In(WorkOrderState.Rejected), null, "store01", Now.AddHours(3)), "outcome is required" },
        { "outcome too long", () => WorkOrderSteps.Complete(In(WorkOrderState.Accepted), new string('o', 501), "store01", Now.AddHours(3)), "outcome is longer than 500 characters" },
        { "reject without reason", () => WorkOrderSteps.Reject(In(WorkOrderState.Dispatched), null, "store01", Now.AddHours(3)), "reason is required" },
        { "accept by nobody", () => WorkOrderSteps.Accept(In(WorkOrderState.Dispatched), "", Now.AddHours(3)), "the user taking the step is required" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void a_command_with_a_missing_or_bad_field_is_invalid_naming_the_field(string rule, Func<WorkOrderResult> command, string error)
    {
        var result = command();
        Assert.True(result.Outcome == WorkOrderOutcome.Invalid, $"{rule}: {result.Outcome} {result.Error}");
        Assert.StartsWith(error, result.Error);
    }

    [Fact]
    public void an_order_is_due_only_while_open_from_its_due_time()
    {
        Assert.Equal((false, true, true, false),
            (WorkOrderSteps.IsDue(In(WorkOrderState.Dispatched), Due.AddTicks(-1)), WorkOrderSteps.IsDue(In(WorkOrderState.Dispatched), Due),
                WorkOrderSteps.IsDue(In(WorkOrderState.Accepted), Due.AddDays(1)), WorkOrderSteps.IsDue(In(WorkOrderState.Done), Due.AddDays(1))));
    }
}
