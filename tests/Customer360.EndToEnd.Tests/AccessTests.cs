using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Customer360.Grains.Rules;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The access table of ARCHITECTURE.md, over real HTTP and real SignalR clients: every role's allowed and
/// forbidden reads and subscriptions, masking in REST answers and pushed payloads, the same answer for an unknown
/// customer as for one outside the scope, no profile loaded for a refused read, and every refusal audited.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AccessTests(SystemFixture system)
{
    // AX1 is in north, store S01, managers AM01/PM01 — the demo users' scope. AX2 is in nobody's scope but the admin's.
    private async Task RegisterAsync()
    {
        await Feed.PostAsync(system.Http,
            Registered("AX1", "ax1-reg", msisdn: "13912345678", name: "Zhou Min"),
            Registered("AX2", "ax2-reg", msisdn: "13912340002", region: "south", homeStoreId: "S02", accountManagerId: "AM02", phoneManagerId: "PM02"));
    }

    private async Task<HttpClient> ClientAsync(string? user)
    {
        if (user is null) return system.Gateway.CreateHttpClient();
        if (user == "feed")
        {
            // A token of role ingest: a producer, not a person.
            var http = system.Gateway.CreateHttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.Gateway.SignInAsync("feed"));
            return http;
        }
        return await system.Gateway.CreateSignedInClientAsync(user);
    }

    public static TheoryData<string?, string, HttpStatusCode> ReadMatrix => new()
    {
        { null, "AX1", HttpStatusCode.Unauthorized },
        { "feed", "AX1", HttpStatusCode.Forbidden },
        { "admin", "AX1", HttpStatusCode.OK },
        { "admin", "AX2", HttpStatusCode.OK },
        { "am01", "AX1", HttpStatusCode.OK },
        { "am01", "AX2", HttpStatusCode.Forbidden },
        { "pm01", "AX1", HttpStatusCode.OK },
        { "pm01", "AX2", HttpStatusCode.Forbidden },
        { "sup-north", "AX1", HttpStatusCode.OK },
        { "sup-north", "AX2", HttpStatusCode.Forbidden },
        // Store staff read only the customers identified at their counter today.
        { "store01", "AX1", HttpStatusCode.Forbidden },
        { "store01", "AX2", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ReadMatrix))]
    public async Task profile_reads_follow_the_access_table(string? user, string customer, HttpStatusCode expected)
    {
        await RegisterAsync();
        using var http = await ClientAsync(user);
        using var response = await http.GetAsync($"/api/v1/customers/{customer}");
        Assert.Equal(expected, response.StatusCode);
        using var timeline = await http.GetAsync($"/api/v1/customers/{customer}/timeline");
        Assert.Equal(expected, timeline.StatusCode);
    }

    public static TheoryData<string, string, bool> SubscribeMatrix => new()
    {
        { "admin", "customer:AX2", true },
        { "am01", "customer:AX1", true },
        { "am01", "customer:AX2", false },
        { "pm01", "customer:AX2", false },
        { "sup-north", "customer:AX1", true },
        { "sup-north", "customer:AX2", false },
        { "store01", "customer:AX1", false },
        { "am01", "portfolio:AM01", true },
        { "am01", "portfolio:AM02", false },
        { "pm01", "portfolio:AM01", false },
        { "pm01", "alerts:PM01", true },
        { "pm01", "alerts:PM02", false },
        { "sup-north", "tiers:north", true },
        { "sup-north", "tiers:south", false },
        { "store01", "store:S01", true },
        { "store01", "store:S02", false },
        { "am01", "tiers:north", false },
        { "admin", "tiers:south", true },
        { "store01", "workorders:store:S01", true },
        { "store01", "workorders:store:S02", false },
        { "am01", "workorders:store:S01", false },
        { "am01", "workorders:account-manager:AM01", true },
        { "pm01", "workorders:phone-manager:PM01", true },
        { "pm01", "workorders:phone-manager:PM02", false },
    };

    [Theory]
    [MemberData(nameof(SubscribeMatrix))]
    public async Task hub_subscriptions_follow_the_same_table(string user, string topic, bool allowed)
    {
        await RegisterAsync();
        await using var console = await TestConsole.ConnectAsync(system.Gateway, user);
        if (allowed)
        {
            var snapshot = await console.SubscribeAsync(topic);
            Assert.Equal(topic, snapshot.GetProperty("topic").GetString());
        }
        else
        {
            var error = await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync(topic));
            Assert.Contains("not allowed", error.Message);
        }
    }

    [Fact]
    public async Task an_unauthenticated_hub_connection_is_refused()
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => TestConsole.ConnectAsync(system.Gateway, null));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task store_staff_read_a_walked_in_customer_masked_and_the_push_to_their_store_is_masked_too()
    {
        await RegisterAsync();
        await using var counter = await TestConsole.ConnectAsync(system.Gateway, "store01");
        await using var admin = await TestConsole.ConnectAsync(system.Gateway, "admin");
        await counter.SubscribeAsync("store:S01");
        await admin.SubscribeAsync("store:S01");
        using var store = await ClientAsync("store01");

        using var walkIn = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13912345678" });
        Assert.Equal(HttpStatusCode.OK, walkIn.StatusCode);
        var card = await walkIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("139****5678", "Z*******"), (card.GetProperty("identity").GetProperty("msisdn").GetString(), card.GetProperty("identity").GetProperty("name").GetString()));

        // Now, and only today, the store may read this customer — masked.
        var profile = await Feed.ProfileAsync(store, "AX1");
        Assert.Equal("139****5678", profile.GetProperty("identity").GetProperty("msisdn").GetString());
        Assert.DoesNotContain("13912345678", profile.GetRawText());

        var maskedPush = await counter.NextAsync("walkIn", "store:S01", m => m.GetProperty("customerId").GetString() == "AX1");
        Assert.Equal("139****5678", maskedPush.GetProperty("summary").GetProperty("msisdn").GetString());
        Assert.DoesNotContain("13912345678", maskedPush.GetRawText());
        Assert.DoesNotContain("Zhou Min", maskedPush.GetRawText());
        var fullPush = await admin.NextAsync("walkIn", "store:S01", m => m.GetProperty("customerId").GetString() == "AX1");
        Assert.Equal("13912345678", fullPush.GetProperty("summary").GetProperty("msisdn").GetString());

        // Another store's counter may not identify customers for S01.
        using var other = await store.PostAsJsonAsync("/api/v1/stores/S02/walk-ins", new { msisdn = "13912340002" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await store.GetAsync("/api/v1/customers/AX2")).StatusCode);
    }

    [Fact]
    public async Task a_walk_in_with_a_bad_or_unknown_number_is_refused_with_the_reason()
    {
        using var store = await ClientAsync("store01");
        using var bad = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "12ab" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("msisdn", await bad.Content.ReadAsStringAsync());
        using var unknown = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13700000999" });
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        var text = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("137****0999", text);
        Assert.DoesNotContain("13700000999", text);
    }

    [Fact]
    public async Task search_returns_only_customers_in_the_callers_scope()
    {
        await RegisterAsync();
        using var am = await ClientAsync("am01");
        using var admin = await ClientAsync("admin");
        // The read model follows profile changes within seconds.
        var all = await Eventually.GetAsync(async () => await admin.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=AX2"),
            page => page.GetProperty("total").GetInt64() == 1, TimeSpan.FromSeconds(10), "AX2 in the read model");
        Assert.Equal("AX2", all.GetProperty("customers")[0].GetProperty("customerId").GetString());

        var mine = await am.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=AX2");
        Assert.Equal(0, mine.GetProperty("total").GetInt64());
        var byName = await Eventually.GetAsync(async () => await am.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=Zhou&region=north"),
            page => page.GetProperty("customers").EnumerateArray().Any(c => c.GetProperty("customerId").GetString() == "AX1"),
            TimeSpan.FromSeconds(10), "AX1 found by name");
        Assert.All(byName.GetProperty("customers").EnumerateArray(), c => Assert.Equal("AM01", c.GetProperty("accountManagerId").GetString()));

        using var bad = await am.GetAsync("/api/v1/customers?tier=gold");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("tier must be one of", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_account_manager_tags_by_hand_and_others_may_not()
    {
        await RegisterAsync();
        using var am = await ClientAsync("am01");
        using var added = await am.PostAsJsonAsync("/api/v1/customers/AX1/tags", new { tag = "golf-club" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var profile = await added.Content.ReadFromJsonAsync<JsonElement>();
        var tag = profile.GetProperty("derived").GetProperty("tags").EnumerateArray().Single(t => t.GetProperty("code").GetString() == "golf-club");
        Assert.Equal(("manual", "am01"), (tag.GetProperty("source").GetString(), tag.GetProperty("author").GetString()));

        using var again = await am.PostAsJsonAsync("/api/v1/customers/AX1/tags", new { tag = "golf-club" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var pm = await ClientAsync("pm01");
        Assert.Equal(HttpStatusCode.Forbidden, (await pm.PostAsJsonAsync("/api/v1/customers/AX1/tags", new { tag = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync("/api/v1/customers/AX2/tags", new { tag = "x" })).StatusCode);

        using var removed = await am.DeleteAsync("/api/v1/customers/AX1/tags/golf-club");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.DoesNotContain("golf-club", await removed.Content.ReadAsStringAsync());
        var timeline = await am.GetFromJsonAsync<JsonElement>("/api/v1/customers/AX1/timeline");
        Assert.True(timeline.EnumerateArray().Count(e => e.GetProperty("type").GetString() == "staff.manual-tag") >= 2);
    }

    private static async Task<(HttpStatusCode Status, string Detail)> AnswerAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var detail = body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
            return (response.StatusCode, detail);
        }
    }

    public static TheoryData<string, string> Probes => new()
    {
        { "GET", "/api/v1/customers/{id}" },
        { "GET", "/api/v1/customers/{id}/timeline" },
        { "POST", "/api/v1/customers/{id}/tags" },
        { "DELETE", "/api/v1/customers/{id}/tags/vip-watch" },
        { "POST", "/api/v1/customers/{id}/touchpoints" },
        { "POST", "/api/v1/work-orders" },
    };

    private static Task<HttpResponseMessage> ProbeAsync(HttpClient http, string method, string route, string id) => method switch
    {
        "GET" => http.GetAsync(route.Replace("{id}", id)),
        "DELETE" => http.DeleteAsync(route.Replace("{id}", id)),
        _ when route.EndsWith("/tags") => http.PostAsJsonAsync(route.Replace("{id}", id), new { tag = "x" }),
        _ when route.EndsWith("/touchpoints") => http.PostAsJsonAsync(route.Replace("{id}", id), new { channel = "phone-manager", kind = "call" }),
        _ => http.PostAsJsonAsync(route, new { customerId = id, kind = "sim", addressee = new { kind = "store", id = "S01" }, dueAt = DateTimeOffset.UtcNow.AddDays(1) }),
    };

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task an_unknown_customer_and_one_outside_the_scope_answer_alike(string method, string route)
    {
        await RegisterAsync();
        using var pm = await ClientAsync("pm01");
        var outside = await AnswerAsync(await ProbeAsync(pm, method, route, "AX2"));
        var unknown = await AnswerAsync(await ProbeAsync(pm, method, route, "AX-NOBODY"));
        Assert.Equal(HttpStatusCode.Forbidden, outside.Status);
        Assert.Equal(outside.Status, unknown.Status);
        Assert.Equal(outside.Detail, unknown.Detail.Replace("AX-NOBODY", "AX2"));
    }

    [Fact]
    public async Task an_unknown_number_and_one_outside_the_scope_answer_alike_and_admins_still_learn_what_does_not_exist()
    {
        await RegisterAsync();
        using var sup = await ClientAsync("sup-north");
        var outside = await AnswerAsync(await sup.GetAsync("/api/v1/customers/by-msisdn/13912340002"));
        var unknown = await AnswerAsync(await sup.GetAsync("/api/v1/customers/by-msisdn/13912349999"));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (outside.Status, unknown.Status));
        Assert.Equal(outside.Detail.Replace("139****0002", "#"), unknown.Detail.Replace("139****9999", "#"));

        Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.GetAsync("/api/v1/customers/AX-NOBODY")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.GetAsync("/api/v1/customers/by-msisdn/13912349999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sup.GetAsync("/api/v1/customers/AX%20NOBODY")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sup.GetAsync($"/api/v1/customers/{new string('A', 65)}")).StatusCode);
    }

    [Fact]
    public async Task the_hub_refuses_an_unknown_customer_and_one_outside_the_scope_alike()
    {
        await RegisterAsync();
        await using var console = await TestConsole.ConnectAsync(system.Gateway, "am01");
        var outside = await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync("customer:AX2"));
        var unknown = await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync("customer:AX-NOBODY"));
        Assert.Equal(outside.Message, unknown.Message.Replace("AX-NOBODY", "AX2"));
    }

    [Fact]
    public async Task a_refused_read_loads_no_profile()
    {
        // AX7 exists but is idle: registered, then its activation collected.
        await Feed.PostAsync(system.Http, Registered("AX7", "ax7-reg", msisdn: "13912340007", region: "south", homeStoreId: "S02", accountManagerId: "AM02", phoneManagerId: "PM02"));
        var active = system.Silo.Services.GetRequiredService<ActiveCustomers>();
        var management = system.Silo.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.GetAsync(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            return active.Contains("AX7");
        }, isActive => !isActive, TimeSpan.FromSeconds(20), "AX7 idle");

        using var am = await ClientAsync("am01");
        using var store = await ClientAsync("store01");
        foreach (var id in new[] { "AX7", "AX-GHOST" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync($"/api/v1/customers/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync($"/api/v1/customers/{id}/timeline")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync($"/api/v1/customers/{id}/tags", new { tag = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await store.GetAsync($"/api/v1/customers/{id}")).StatusCode);
            await using var console = await TestConsole.ConnectAsync(system.Gateway, "am01");
            await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync($"customer:{id}"));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/customers/by-msisdn/13912340007")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13912340007" })).StatusCode);

        Assert.False(active.Contains("AX7"), "a refused read activated AX7");
        Assert.False(active.Contains("AX-GHOST"), "a refused read activated AX-GHOST");
        // The control: an allowed read does load it.
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.GetAsync("/api/v1/customers/AX7")).StatusCode);
        Assert.True(active.Contains("AX7"));
    }

    [Fact]
    public async Task every_refusal_is_audited_on_rest_and_on_the_hub_without_the_phone_number()
    {
        await RegisterAsync();
        using var am = await ClientAsync("am01");
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/customers/AX2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/customers/by-msisdn/13912340002")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/portfolio?managerId=AM02")).StatusCode);
        // Refused by the route's policy (administrators only), before any endpoint code runs.
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/audit")).StatusCode);
        await using (var console = await TestConsole.ConnectAsync(system.Gateway, "am01"))
            await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync("customer:AX2"));

        (string?, string?)[] expected =
        [
            ("GET /api/v1/customers/{id}", "AX2"), ("GET /api/v1/customers/by-msisdn/{msisdn}", "AX2"),
            ("GET /api/v1/portfolio", ""), ("GET /api/v1/audit", ""), ("hub Subscribe customer:{id}", "AX2"),
        ];
        var denials = await Eventually.GetAsync(async () =>
                (await system.Admin.GetFromJsonAsync<JsonElement[]>("/api/v1/audit?user=am01&limit=1000"))!
                    .Where(e => e.TryGetProperty("detail", out var d) && d.GetString()?.StartsWith("denied: ", StringComparison.Ordinal) == true).ToArray(),
            d => expected.All(x => d.Any(e => (e.GetProperty("through").GetString(), e.GetProperty("customerId").GetString()) == x)),
            TimeSpan.FromSeconds(15), "the denials in the audit log");
        Assert.All(denials, e => Assert.Equal("account-manager", e.GetProperty("role").GetString()));
        Assert.Equal(0, await system.Db.ScalarAsync<long>("select count(*) from c360_audit where concat_ws(' ', customer_id, through, detail) like '%13912340002%'"));
    }
}
