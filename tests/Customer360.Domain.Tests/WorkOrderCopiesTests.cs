using System.Text.Json;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Tests;

/// <summary>
/// Where work orders are copied: the API bodies that start them, the lists inboxes and profiles keep, and the
/// internal <c>workorder</c> event that carries each step to the customer's profile through the journal.
/// </summary>
public sealed class WorkOrderCopiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dispatcher Pm = new("pm01", "phone-manager", "phone-manager:PM01");

    private static WorkOrder Order(string id, DateTimeOffset dispatchedAt, WorkOrderState state = WorkOrderState.Dispatched, int step = 1,
        DateTimeOffset? changedAt = null, DateTimeOffset? dueAt = null) =>
        new(id, "C1", WorkOrderKind.Visit, new Addressee(AddresseeKind.AccountManager, "AM01"), Pm, dispatchedAt, dueAt ?? dispatchedAt.AddDays(1),
            null, state, step, changedAt ?? dispatchedAt, "pm01");

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void a_dispatch_body_reads_into_a_draft_with_kebab_case_kinds()
    {
        var (draft, error) = WorkOrderRequests.ReadDraft(Json("""
            { "customerId": "C1", "addressee": { "kind": "account-manager", "id": "AM01" }, "kind": "device-swap",
              "dueAt": "2026-11-24T10:00:00+08:00", "notes": "wants the new model" }
            """));
        Assert.Null(error);
        Assert.Equal(new WorkOrderDraft("C1", new Addressee(AddresseeKind.AccountManager, "AM01"), WorkOrderKind.DeviceSwap,
            new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8)), "wants the new model"), draft);
    }

    [Theory]
    [InlineData("[]", "the body must be a JSON object")]
    [InlineData("""{"addressee":{"kind":"store","id":"S01"},"kind":"sim","dueAt":"2026-11-24T10:00:00Z"}""", "customerId is required")]
    [InlineData("""{"customerId":"C1","kind":"sim","dueAt":"2026-11-24T10:00:00Z"}""", "addressee is required")]
    [InlineData("""{"customerId":"C1","addressee":{"kind":"shop","id":"S01"},"kind":"sim","dueAt":"2026-11-24T10:00:00Z"}""", "addressee.kind must be one of store, account-manager")]
    [InlineData("""{"customerId":"C1","addressee":{"kind":"store"},"kind":"sim","dueAt":"2026-11-24T10:00:00Z"}""", "addressee.id is required")]
    [InlineData("""{"customerId":"C1","addressee":{"kind":"store","id":"S01"},"kind":"repair","dueAt":"2026-11-24T10:00:00Z"}""", "kind must be one of device-swap, sim, payment, visit, other")]
    [InlineData("""{"customerId":"C1","addressee":{"kind":"store","id":"S01"},"kind":"sim","dueAt":"tomorrow"}""", "dueAt must be an ISO 8601 time")]
    [InlineData("""{"customerId":"C1","addressee":{"kind":"store","id":"S01"},"kind":"sim"}""", "dueAt is required")]
    [InlineData("""{"customerId":"C 1","addressee":{"kind":"store","id":"S01"},"kind":"sim","dueAt":"2026-11-24T10:00:00Z"}""", "customerId may hold only")]
    public void a_bad_dispatch_body_is_refused_naming_the_field(string body, string error)
    {
        var (draft, problem) = WorkOrderRequests.ReadDraft(Json(body));
        Assert.Null(draft);
        Assert.StartsWith(error, problem);
    }

    [Theory]
    [InlineData("""{"outcome":" swapped "}""", "swapped", null)]
    [InlineData("{}", null, null)]
    [InlineData("""{"outcome":7}""", null, "outcome must be a string")]
    [InlineData("\"swapped\"", null, "the body must be a JSON object")]
    public void a_step_body_gives_its_text_or_names_what_is_wrong(string body, string? text, string? error) =>
        Assert.Equal((text, error), WorkOrderRequests.ReadText(Json(body), "outcome"));

    [Fact]
    public void a_list_keeps_the_latest_step_of_each_order_whatever_the_arrival_order()
    {
        var list = new List<WorkOrder>();
        Assert.True(WorkOrderList.Put(list, Order("A", Now, WorkOrderState.Accepted, step: 2)));
        Assert.False(WorkOrderList.Put(list, Order("A", Now)));
        Assert.False(WorkOrderList.Put(list, Order("A", Now, WorkOrderState.Accepted, step: 2)));
        Assert.True(WorkOrderList.Put(list, Order("A", Now, WorkOrderState.Done, step: 3)));
        Assert.Equal([("A", WorkOrderState.Done)], list.Select(o => (o.Id, o.State)));
    }

    [Fact]
    public void an_inbox_keeps_open_orders_and_only_the_latest_closed_ones_of_the_last_day()
    {
        var list = new List<WorkOrder>
        {
            Order("open-old", Now.AddDays(-5), dueAt: Now.AddDays(1)),
            Order("closed-yesterday", Now.AddDays(-3), WorkOrderState.Done, 3, changedAt: Now.AddHours(-25)),
            Order("closed-1", Now.AddDays(-1), WorkOrderState.Rejected, 2, changedAt: Now.AddHours(-3)),
            Order("closed-2", Now.AddDays(-1), WorkOrderState.Done, 3, changedAt: Now.AddHours(-2)),
            Order("closed-3", Now.AddDays(-1), WorkOrderState.Expired, 2, changedAt: Now.AddHours(-1)),
        };
        WorkOrderList.Trim(list, Now, TimeSpan.FromHours(24), maxClosed: 2);
        Assert.Equal(["closed-2", "closed-3", "open-old"], list.Select(o => o.Id).Order());
    }

    [Fact]
    public void open_orders_come_first_by_due_time_then_closed_ones_the_latest_first()
    {
        var ordered = WorkOrderList.Ordered(
        [
            Order("closed-early", Now, WorkOrderState.Done, 3, changedAt: Now.AddHours(1)),
            Order("open-late", Now, dueAt: Now.AddDays(3)),
            Order("closed-late", Now, WorkOrderState.Rejected, 2, changedAt: Now.AddHours(2)),
            Order("open-soon", Now, dueAt: Now.AddHours(5)),
        ]);
        Assert.Equal(["open-soon", "open-late", "closed-late", "closed-early"], ordered.Select(o => o.Id));
    }

    [Fact]
    public void a_bounded_list_drops_the_longest_closed_orders_first_then_the_oldest_open_ones()
    {
        var list = new List<WorkOrder>
        {
            Order("open-1", Now.AddDays(-9)), Order("open-2", Now.AddDays(-1)),
            Order("closed-old", Now.AddDays(-2), WorkOrderState.Done, 3, changedAt: Now.AddDays(-2)),
            Order("closed-new", Now.AddDays(-8), WorkOrderState.Done, 3, changedAt: Now.AddHours(-1)),
        };
        WorkOrderList.Bound(list, 3);
        Assert.Equal(["closed-new", "open-1", "open-2"], list.Select(o => o.Id).Order());
        WorkOrderList.Bound(list, 1);
        Assert.Equal(["open-2"], list.Select(o => o.Id));
    }

    [Fact]
    public void each_step_reaches_the_profile_as_the_latest_state_of_the_order_under_the_work_orders_section()
    {
        var p = new CustomerProfile { CustomerId = "C1" };
        ProfileApplier.Apply(p, new CustomerEvent("r1", "C1", null, Now.AddDays(-1),
            new CustomerRegistered(new CustomerIdentity("Li Wei", "13800001234", "north", new DateOnly(2025, 1, 15), "S01", "AM01", "PM01", null, null, null))));
        var dispatched = Order("WO-1", Now);
        var done = dispatched with { State = WorkOrderState.Done, Step = 3, ChangedAt = Now.AddHours(2), Outcome = "visited" };

        var outcome = ProfileApplier.Apply(p, WorkOrderRecorded.Of(done));
        // A late copy of an earlier step still counts as an applied event but does not roll the order back.
        ProfileApplier.Apply(p, WorkOrderRecorded.Of(dispatched));

        Assert.Equal([ProfileSection.WorkOrders], outcome.Changed);
        Assert.Equal(3, p.Version);
        var view = ProfileView.From(p, Now.AddHours(3), "en");
        Assert.Equal([("WO-1", WorkOrderState.Done, "visited")], view.WorkOrders.Select(o => (o.Id, o.State, o.Outcome)));
    }

    [Fact]
    public void a_profile_keeps_twenty_work_orders_at_most()
    {
        var p = new CustomerProfile { CustomerId = "C1" };
        for (var i = 0; i < 25; i++) WorkOrderFacts.Record(p, Order($"WO-{i:00}", Now.AddMinutes(i)));
        Assert.Equal(WorkOrderFacts.MaxWorkOrders, p.WorkOrders.Count);
        Assert.Equal("WO-05", p.WorkOrders.Select(o => o.Id).Min());
    }

    [Fact]
    public void the_step_event_has_a_deterministic_id_and_round_trips_through_the_journal_json()
    {
        var order = Order("WO-1", Now, WorkOrderState.Accepted, step: 2, changedAt: Now.AddHours(1));
        var e = WorkOrderRecorded.Of(order);
        Assert.Equal(("WO-1:accepted", "C1", Now.AddHours(1), "workorder"), (e.EventId, e.CustomerId, e.OccurredAt, e.Type));

        var json = JsonSerializer.Serialize(e, DomainJson.Options);
        Assert.Contains("\"type\":\"workorder\"", json);
        Assert.Contains("\"kind\":\"account-manager\"", json);
        var back = JsonSerializer.Deserialize<CustomerEvent>(json, DomainJson.Options)!;
        Assert.Equal(order, Assert.IsType<WorkOrderRecorded>(back.Payload).Order);
    }

    [Fact]
    public void producers_cannot_send_the_internal_workorder_event()
    {
        var result = EventParser.Parse(Json("""
            {"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"workorder","payload":{"order":{}}}
            """), Now);
        Assert.False(result.IsValid);
        Assert.StartsWith("type 'workorder' is not supported", result.Error);
        Assert.DoesNotContain(WorkOrderRecorded.WireType, EventTypes.Supported);
    }
}
