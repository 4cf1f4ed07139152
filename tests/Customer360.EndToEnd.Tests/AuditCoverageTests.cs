using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Every route of the OpenAPI document, and every hub topic, either writes the audit rows of the customers it
/// answers with (before answering) or is listed here as returning no customer's personal data. A new route in
/// neither list fails the first test, so it cannot be forgotten.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuditCoverageTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>Routes that answer with no customer's personal data, and why.</summary>
    private static readonly Dictionary<string, string> NoPersonalData = new()
    {
        ["POST /api/v1/events"] = "producers send events in; the answer holds counts, event ids and reasons only",
        ["POST /api/v1/auth/token"] = "the caller's own token",
        ["GET /api/v1/rules"] = "rule settings",
        ["PUT /api/v1/rules"] = "rule settings (the change is audited as kind rules and kept in the rules history)",
        ["GET /api/v1/rules/history"] = "rule settings and the administrators who changed them",
        ["GET /api/v1/audit"] = "the audit log itself (customer ids, staff names), for administrators",
        ["GET /api/v1/users"] = "staff accounts (names, roles, scopes), for administrators; no customer",
        ["POST /api/v1/users"] = "the staff account made (audited as kind user)",
        ["PUT /api/v1/users/{userName}"] = "the staff account changed (audited as kind user)",
        ["POST /api/v1/users/{userName}/disable"] = "the staff account changed (audited as kind user)",
        ["POST /api/v1/users/{userName}/enable"] = "the staff account changed (audited as kind user)",
        ["POST /api/v1/users/{userName}/password"] = "the staff account changed (audited as kind user)",
        ["POST /api/v1/customers/{id}/erase"] = "the erased id and whether it was erased already (audited as kind erasure, before erasing)",
        ["POST /api/v1/orleans-dashboard/session"] = "a cookie for Orleans' dashboard and its URL (the opening is audited as kind other)",
        ["GET /metrics"] = "counts, gauges and histograms of the gateway (tags are outcomes, reasons, topic kinds, routes), for administrators",
    };

    /// <summary>A customer set up so that every list, board and inbox holds them.</summary>
    private sealed record Scenario(string CustomerId, string Msisdn, string AlertId, string WorkOrderId,
        HttpClient Admin, HttpClient AccountManager, HttpClient PhoneManager, HttpClient Store);

    /// <summary>
    /// Routes that answer with personal data: how to call one for the scenario's customer, and the kind of the
    /// entry it must have committed for that customer, through its route, by the time it answers. In call order.
    /// </summary>
    private static readonly (string Route, string Kind, Func<Scenario, Task<HttpResponseMessage>> Call)[] PersonalData =
    [
        ("GET /api/v1/customers/{id}", "read", s => s.Admin.GetAsync($"/api/v1/customers/{s.CustomerId}")),
        ("GET /api/v1/customers/by-msisdn/{msisdn}", "read", s => s.AccountManager.GetAsync($"/api/v1/customers/by-msisdn/{s.Msisdn}")),
        ("GET /api/v1/customers/{id}/timeline", "read", s => s.PhoneManager.GetAsync($"/api/v1/customers/{s.CustomerId}/timeline")),
        ("GET /api/v1/customers", "list", s => s.Admin.GetAsync($"/api/v1/customers?q={s.CustomerId}")),
        ("GET /api/v1/portfolio", "list", s => s.AccountManager.GetAsync("/api/v1/portfolio")),
        ("GET /api/v1/alert-queue", "list", s => s.PhoneManager.GetAsync("/api/v1/alert-queue")),
        ("GET /api/v1/tiers/board", "list", s => s.Admin.GetAsync("/api/v1/tiers/board?region=north")),
        ("GET /api/v1/tiers/changes", "list", s => s.Admin.GetAsync("/api/v1/tiers/changes?region=north")),
        ("POST /api/v1/stores/{storeId}/walk-ins", "read", s => s.Store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = s.Msisdn })),
        ("GET /api/v1/stores/{storeId}/walk-ins", "list", s => s.Store.GetAsync("/api/v1/stores/S01/walk-ins")),
        ("GET /api/v1/work-orders/{id}", "list", s => s.Store.GetAsync($"/api/v1/work-orders/{s.WorkOrderId}")),
        ("GET /api/v1/work-orders", "list", s => s.Store.GetAsync("/api/v1/work-orders")),
        ("POST /api/v1/work-orders/{id}/accept", "action", s => s.Store.PostAsJsonAsync($"/api/v1/work-orders/{s.WorkOrderId}/accept", new { })),
        ("POST /api/v1/work-orders/{id}/complete", "action", s => s.Store.PostAsJsonAsync($"/api/v1/work-orders/{s.WorkOrderId}/complete", new { outcome = "swapped" })),
        ("POST /api/v1/work-orders", "action", s => DispatchAsync(s)),
        ("POST /api/v1/work-orders/{id}/reject", "action", async s =>
        {
            var order = await (await DispatchAsync(s)).Content.ReadFromJsonAsync<JsonElement>();
            return await s.Store.PostAsJsonAsync($"/api/v1/work-orders/{order.GetProperty("id").GetString()}/reject", new { reason = "no stock" });
        }),
        ("POST /api/v1/customers/{id}/tags", "action", s => s.AccountManager.PostAsJsonAsync($"/api/v1/customers/{s.CustomerId}/tags", new { tag = "audit-vip" })),
        ("DELETE /api/v1/customers/{id}/tags/{tag}", "action", s => s.AccountManager.DeleteAsync($"/api/v1/customers/{s.CustomerId}/tags/audit-vip")),
        ("POST /api/v1/customers/{id}/touchpoints", "action", s => s.AccountManager.PostAsJsonAsync($"/api/v1/customers/{s.CustomerId}/touchpoints",
            new { channel = "account-manager-visit", kind = "note", note = "prefers mornings" })),
        ("POST /api/v1/alerts/{alertId}/snooze", "action", s => s.PhoneManager.PostAsJsonAsync($"/api/v1/alerts/{s.AlertId}/snooze",
            new { customerId = s.CustomerId, until = DateTimeOffset.UtcNow.AddHours(2) })),
        ("POST /api/v1/alerts/{alertId}/ack", "action", s => s.PhoneManager.PostAsJsonAsync($"/api/v1/alerts/{s.AlertId}/ack", new { customerId = s.CustomerId })),
        ("POST /api/v1/alerts/{alertId}/resolve", "action", s => s.PhoneManager.PostAsJsonAsync($"/api/v1/alerts/{s.AlertId}/resolve",
            new { customerId = s.CustomerId, outcome = "called back" })),
    ];

    /// <summary>Every hub topic kind, a topic of it the scenario's customer is in, and who may follow it.</summary>
    private static readonly Dictionary<string, (string Topic, string User)> HubTopics = new()
    {
        [Topics.CustomerPrefix] = ("customer:{id}", "am01"),
        [Topics.PortfolioPrefix] = ("portfolio:AM01", "am01"),
        [Topics.AlertsPrefix] = ("alerts:PM01", "pm01"),
        [Topics.StorePrefix] = ("store:S01", "store01"),
        [Topics.WorkOrdersPrefix] = ("workorders:store:S01", "store01"),
        [Topics.TiersPrefix] = ("tiers:north", "sup-north"),
    };

    private static Task<HttpResponseMessage> DispatchAsync(Scenario s) =>
        s.PhoneManager.PostAsJsonAsync("/api/v1/work-orders", new
        {
            customerId = s.CustomerId,
            addressee = new { kind = "store", id = "S01" },
            kind = "device-swap",
            dueAt = DateTimeOffset.UtcNow.AddHours(4).ToString("O"),
            notes = "bring the old handset",
        });

    private static JsonObject Complaint(string customerId, string eventId) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = "touchpoint",
        ["payload"] = new JsonObject { ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = $"T-{customerId}" },
    };

    /// <summary>
    /// A north customer of AM01 and PM01 whose bills lift them to mid/high (a tier change on the north board), with
    /// an open complaint alert (PM01's queue), a walk-in at S01 today and a work order to S01.
    /// </summary>
    private async Task<Scenario> ScenarioAsync(string customerId, string msisdn)
    {
        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Registered(customerId, $"{customerId}-reg", msisdn: msisdn));
        // Registered as mass first, so that the bills make a tier change on the board.
        await Feed.PostAsync(system.Http, Bill(customerId, $"{customerId}-b1", months[0], 200), Bill(customerId, $"{customerId}-b2", months[1], 200),
            Bill(customerId, $"{customerId}-b3", months[2], 200), Complaint(customerId, $"{customerId}-c1"));
        var s = new Scenario(customerId, msisdn, "", "", system.Admin, await system.Gateway.CreateSignedInClientAsync("am01"),
            await system.Gateway.CreateSignedInClientAsync("pm01"), await system.Gateway.CreateSignedInClientAsync("store01"));
        var profile = await Eventually.GetAsync(() => Feed.ProfileAsync(system.Admin, customerId),
            p => p.GetProperty("derived").GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "complaint"),
            Wait, $"{customerId}'s complaint alert");
        var alertId = profile.GetProperty("derived").GetProperty("alerts").EnumerateArray()
            .First(a => a.GetProperty("kind").GetString() == "complaint").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await s.Store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn })).StatusCode);
        var order = await DispatchAsync(s);
        Assert.True(order.StatusCode == HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // The read models (search, lists, board) follow the profile a moment behind.
        await Eventually.GetAsync(() => NotListedInAsync(s), missing => missing.Length == 0, Wait, $"{customerId} in search, lists and the north board");
        return s with { AlertId = alertId, WorkOrderId = orderId };
    }

    // The lists that do not hold the customer yet, by path.
    private static async Task<string> NotListedInAsync(Scenario s)
    {
        var lists = new (HttpClient Who, string Path)[]
        {
            (s.Admin, $"/api/v1/customers?q={s.CustomerId}"), (s.AccountManager, "/api/v1/portfolio"),
            (s.PhoneManager, "/api/v1/alert-queue"), (s.Admin, "/api/v1/tiers/changes?region=north"),
        };
        var missing = new List<string>();
        foreach (var (who, path) in lists)
        {
            var body = await who.GetStringAsync(path);
            if (!body.Contains($"\"customerId\":\"{s.CustomerId}\"", StringComparison.Ordinal)) missing.Add(path);
        }
        return string.Join(", ", missing);
    }

    private Task<long> RowsAsync(string customerId, string through, string kind, DateTimeOffset since) =>
        system.Db.ScalarAsync<long>($"""
            select count(*) from c360_audit
            where customer_id = '{customerId}' and through = '{through.Replace("'", "''", StringComparison.Ordinal)}' and kind = '{kind}'
              and at >= '{since.AddSeconds(-1):O}'
            """);

    [Fact]
    public async Task every_route_of_the_openapi_document_is_audited_or_listed_as_returning_no_personal_data()
    {
        var document = await system.Admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var routes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "put" or "post" or "delete" or "patch")
                .Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        var audited = PersonalData.Select(p => p.Route).ToHashSet();

        var forgotten = routes.Where(r => !audited.Contains(r) && !NoPersonalData.ContainsKey(r)).ToList();
        Assert.True(forgotten.Count == 0, "routes neither audited nor listed as returning no personal data (add each to " +
            $"{nameof(PersonalData)} with its call, or to {nameof(NoPersonalData)} with why): {string.Join(", ", forgotten)}");
        var both = audited.Intersect(NoPersonalData.Keys).ToList();
        Assert.True(both.Count == 0, $"routes in both lists: {string.Join(", ", both)}");
        var stale = audited.Concat(NoPersonalData.Keys).Except(routes).ToList();
        Assert.True(stale.Count == 0, $"listed routes the document no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public async Task every_route_returning_personal_data_has_committed_its_audit_row_by_the_time_it_answers()
    {
        var s = await ScenarioAsync("AC1", "13912380001");
        var missing = new List<string>();
        foreach (var (route, kind, call) in PersonalData)
        {
            var before = DateTimeOffset.UtcNow;
            using var response = await call(s);
            Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            // No waiting: the row must be there as soon as the answer is.
            if (await RowsAsync(s.CustomerId, route, kind, before) == 0) missing.Add($"{route} (kind {kind})");
        }
        Assert.True(missing.Count == 0, $"answered without their audit row: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task every_hub_topic_kind_is_listed_and_its_snapshot_is_audited_before_it_is_answered()
    {
        var kinds = typeof(Topics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Prefix", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(kinds.Order(), HubTopics.Keys.Order());

        var s = await ScenarioAsync("AC2", "13912380002");
        var missing = new List<string>();
        foreach (var (kind, (topic, user)) in HubTopics)
        {
            await using var console = await TestConsole.ConnectAsync(system.Gateway, user);
            var before = DateTimeOffset.UtcNow;
            await console.SubscribeAsync(topic.Replace("{id}", s.CustomerId, StringComparison.Ordinal));
            var expected = kind == Topics.CustomerPrefix ? "read" : "list";
            if (await RowsAsync(s.CustomerId, $"hub Subscribe {kind}:{{id}}", expected, before) == 0) missing.Add($"{topic} (kind {expected})");
        }
        Assert.True(missing.Count == 0, $"snapshots answered without their audit row: {string.Join(", ", missing)}");
    }
}
