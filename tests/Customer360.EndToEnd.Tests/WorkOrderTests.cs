using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>Work orders over real HTTP and SignalR: dispatch, the steps, who may take them, and where they show.</summary>
[Collection(SystemCollection.Name)]
public sealed class WorkOrderTests(SystemFixture system) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, HttpClient> _users = [];

    /// <summary>A client signed in as a demo user, one per user and test.</summary>
    private async Task<HttpClient> AsAsync(string user) =>
        _users.TryGetValue(user, out var client) ? client : _users[user] = await system.Gateway.CreateSignedInClientAsync(user);

    public void Dispose()
    {
        foreach (var client in _users.Values) client.Dispose();
    }

    private static string InHours(double hours) => DateTimeOffset.UtcNow.AddHours(hours).ToString("O");

    /// <summary>Registers a customer whose home store is S01, account manager AM01 and phone manager PM01.</summary>
    private async Task RegisterAsync(string customerId, string msisdn, string phoneManagerId = "PM01")
    {
        var registered = Registered(customerId, $"{customerId}-reg", msisdn: msisdn);
        registered["payload"]!["phoneManagerId"] = phoneManagerId;
        await Feed.PostAsync(system.Http, registered);
    }

    private static Task<HttpResponseMessage> DispatchAsync(HttpClient who, string customerId, string addresseeKind = "store",
        string addresseeId = "S01", string? dueAt = null, string kind = "device-swap") =>
        who.PostAsJsonAsync("/api/v1/work-orders", new
        {
            customerId,
            addressee = new { kind = addresseeKind, id = addresseeId },
            kind,
            dueAt = dueAt ?? InHours(4),
            notes = "customer wants the new model; bring the old handset",
        });

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>Registers the customer and has pm01 dispatch a device swap for them to store S01; returns the order id.</summary>
    private async Task<string> DispatchedToStoreAsync(string customerId, string msisdn)
    {
        await RegisterAsync(customerId, msisdn);
        return (await OkAsync(await DispatchAsync(await AsAsync("pm01"), customerId), HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task a_dispatched_order_reaches_the_store_console_and_every_step_reaches_the_dispatcher_and_the_profile()
    {
        await RegisterAsync("WOE1", "13900000101");
        var pm = await AsAsync("pm01");
        var store = await AsAsync("store01");
        await using var storeConsole = await WorkOrderConsole.OpenAsync(system, store, "workorders:store:S01", Timeout);
        await using var pmConsole = await WorkOrderConsole.OpenAsync(system, pm, "workorders:phone-manager:PM01", Timeout);
        Assert.True(storeConsole.Snapshot.TryGetProperty("workOrders", out _), storeConsole.Snapshot.ToString());

        var dispatched = await OkAsync(await DispatchAsync(pm, "WOE1"), HttpStatusCode.Created);
        var id = dispatched.GetProperty("id").GetString()!;
        Assert.StartsWith("WO-", id);
        Assert.Equal(("dispatched", "device-swap", "pm01", "phone-manager:PM01"), (dispatched.GetProperty("state").GetString(),
            dispatched.GetProperty("kind").GetString(), dispatched.GetProperty("dispatchedBy").GetProperty("userName").GetString(),
            dispatched.GetProperty("dispatchedBy").GetProperty("inbox").GetString()));

        var notice = await storeConsole.NextAboutAsync(id, Timeout);
        Assert.Equal(("workorders:store:S01", "WOE1"), (notice.GetProperty("topic").GetString(), notice.GetProperty("customerId").GetString()));
        await pmConsole.NextAboutAsync(id, Timeout);
        // What the store's console fetches on that notice: its inbox at that version, with the order in it.
        var inbox = await OkAsync(await store.GetAsync("/api/v1/work-orders"));
        Assert.Equal(("store:S01", storeConsole.Version), (inbox.GetProperty("inbox").GetString(), inbox.GetProperty("version").GetInt64()));
        Assert.Contains(inbox.GetProperty("workOrders").EnumerateArray(), o => o.GetProperty("id").GetString() == id);

        var accepted = await OkAsync(await store.PostAsync($"/api/v1/work-orders/{id}/accept", null));
        Assert.Equal(("accepted", "store01"), (accepted.GetProperty("state").GetString(), accepted.GetProperty("changedBy").GetString()));
        await storeConsole.NextAboutAsync(id, Timeout);
        await pmConsole.NextAboutAsync(id, Timeout);

        var done = await OkAsync(await store.PostAsJsonAsync($"/api/v1/work-orders/{id}/complete", new { outcome = "swapped to the new model" }));
        Assert.Equal(("done", 3), (done.GetProperty("state").GetString(), done.GetProperty("step").GetInt32()));
        await storeConsole.NextAboutAsync(id, Timeout);
        await pmConsole.NextAboutAsync(id, Timeout);

        var profile = await OkAsync(await system.Admin.GetAsync("/api/v1/customers/WOE1"));
        var onProfile = Assert.Single(profile.GetProperty("workOrders").EnumerateArray());
        Assert.Equal((id, "done", "swapped to the new model"), (onProfile.GetProperty("id").GetString(),
            onProfile.GetProperty("state").GetString(), onProfile.GetProperty("outcome").GetString()));
        var mine = await OkAsync(await pm.GetAsync("/api/v1/work-orders"));
        Assert.Equal(pmConsole.Version, mine.GetProperty("version").GetInt64());
        Assert.Equal("done", mine.GetProperty("workOrders").EnumerateArray().Single(o => o.GetProperty("id").GetString() == id).GetProperty("state").GetString());
    }

    [Fact]
    public async Task store_staff_cannot_dispatch_a_work_order()
    {
        await RegisterAsync("WOE2", "13900000102");
        var store = await AsAsync("store01");
        Assert.Contains("does not dispatch", await ProblemAsync(await DispatchAsync(store, "WOE2"), HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task only_the_customers_own_phone_manager_may_dispatch_for_them()
    {
        await RegisterAsync("WOE3", "13900000103", phoneManagerId: "PM02");
        var pm = await AsAsync("pm01");
        var am = await AsAsync("am01");
        Assert.Contains("neither the phone manager nor the account manager", await ProblemAsync(await DispatchAsync(pm, "WOE3"), HttpStatusCode.Forbidden));
        // The customer's account manager may, to a store or to themselves.
        await OkAsync(await DispatchAsync(am, "WOE3", "account-manager", "AM01", kind: "visit"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task an_account_manager_cannot_accept_an_order_addressed_to_a_store()
    {
        var id = await DispatchedToStoreAsync("WOE4", "13900000104");
        var am = await AsAsync("am01");
        Assert.Contains("addressed to store:S01", await ProblemAsync(await am.PostAsync($"/api/v1/work-orders/{id}/accept", null), HttpStatusCode.Forbidden));
        // Nor read it: it is neither addressed to them nor dispatched by them.
        await ProblemAsync(await am.GetAsync($"/api/v1/work-orders/{id}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task completing_a_rejected_order_is_a_conflict_that_says_why()
    {
        var id = await DispatchedToStoreAsync("WOE5", "13900000105");
        var store = await AsAsync("store01");
        var rejected = await OkAsync(await store.PostAsJsonAsync($"/api/v1/work-orders/{id}/reject", new { reason = "model out of stock" }));
        Assert.Equal(("rejected", "model out of stock"), (rejected.GetProperty("state").GetString(), rejected.GetProperty("reason").GetString()));

        var conflict = await ProblemAsync(await store.PostAsJsonAsync($"/api/v1/work-orders/{id}/complete", new { outcome = "done anyway" }),
            HttpStatusCode.Conflict);
        Assert.Equal($"work order {id} is rejected and cannot be completed", conflict);
        Assert.Equal("rejected", (await OkAsync(await (await AsAsync("pm01")).GetAsync($"/api/v1/work-orders/{id}"))).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("tomorrow", "dueAt must be an ISO 8601 time with an offset")]
    [InlineData("2026-11-23T08:00:00", "dueAt must be an ISO 8601 time with an offset")]
    [InlineData("2020-01-01T08:00:00Z", "dueAt must be in the future")]
    public async Task a_bad_due_time_is_refused_naming_due_at(string dueAt, string reason)
    {
        await RegisterAsync("WOE6", "13900000106");
        var pm = await AsAsync("pm01");
        Assert.StartsWith(reason, await ProblemAsync(await DispatchAsync(pm, "WOE6", dueAt: dueAt), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task a_step_without_its_text_is_refused_naming_the_field()
    {
        var id = await DispatchedToStoreAsync("WOE7", "13900000107");
        var store = await AsAsync("store01");
        Assert.Equal("reason is required", await ProblemAsync(await store.PostAsJsonAsync($"/api/v1/work-orders/{id}/reject", new { }), HttpStatusCode.BadRequest));
        Assert.Equal("outcome must be a string", await ProblemAsync(await store.PostAsJsonAsync($"/api/v1/work-orders/{id}/complete", new { outcome = 5 }), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task an_unknown_order_is_404_and_no_token_is_401()
    {
        var store = await AsAsync("store01");
        using var anonymous = system.Gateway.CreateHttpClient();
        Assert.Contains("does not exist", await ProblemAsync(await store.PostAsync("/api/v1/work-orders/WO-nope/accept", null), HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Unauthorized, (await DispatchAsync(anonymous, "WOE1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/work-orders")).StatusCode);
    }

    [Fact]
    public async Task the_inbox_is_the_callers_own_and_only_an_administrator_may_name_another()
    {
        var store = await AsAsync("store01");
        var supervisor = await AsAsync("sup-north");
        Assert.Equal("store:S01", (await OkAsync(await system.Admin.GetAsync("/api/v1/work-orders?addressee=store:S01"))).GetProperty("inbox").GetString());
        await ProblemAsync(await store.GetAsync("/api/v1/work-orders?addressee=store:S02"), HttpStatusCode.Forbidden);
        await ProblemAsync(await supervisor.GetAsync("/api/v1/work-orders"), HttpStatusCode.Forbidden);
        Assert.Contains("addressee must name an inbox", await ProblemAsync(await system.Admin.GetAsync("/api/v1/work-orders?addressee=S01"), HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task a_producer_cannot_post_the_internal_workorder_event()
    {
        await RegisterAsync("WOE8", "13900000108");
        var answer = await Feed.PostAsync(system.Http, new JsonObject
        {
            ["eventId"] = "WO-forged:done",
            ["customerId"] = "WOE8",
            ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["type"] = "workorder",
            ["payload"] = new JsonObject { ["order"] = new JsonObject { ["id"] = "WO-forged" } },
        });
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.StartsWith("type 'workorder' is not supported", rejected.GetProperty("error").GetString());
        Assert.Empty((await OkAsync(await system.Admin.GetAsync("/api/v1/customers/WOE8"))).GetProperty("workOrders").EnumerateArray());
    }

    [Fact]
    public async Task the_openapi_document_describes_every_work_order_endpoint()
    {
        var document = await OkAsync(await system.Http.GetAsync("/openapi/v1.json"));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null))
            .ToHashSet();
        foreach (var name in (string[])["DispatchWorkOrder", "AcceptWorkOrder", "CompleteWorkOrder", "RejectWorkOrder", "GetWorkOrder", "GetWorkOrderInbox"])
            Assert.Contains(name, operations);
    }
}
