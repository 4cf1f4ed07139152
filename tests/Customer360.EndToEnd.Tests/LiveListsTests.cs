using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The working lists of each role, live: a phone manager's alert queue and the alert actions on it, an account
/// manager's portfolio, a region's tier board — each a snapshot, then pushes with higher versions.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class LiveListsTests(SystemFixture system)
{
    private static JsonObject Complaint(string customerId, string eventId, string reference) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = "touchpoint",
        ["payload"] = new JsonObject { ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = reference },
    };

    [Fact]
    public async Task an_alert_reaches_the_phone_managers_queue_and_each_action_is_pushed_and_recorded()
    {
        await Feed.PostAsync(system.Http, Registered("LQ1", "lq1-reg", msisdn: "13912350001"));
        await using var queue = await TestConsole.ConnectAsync(system.Gateway, "pm01");
        await using var card = await TestConsole.ConnectAsync(system.Gateway, "am01");
        var snapshot = await queue.SubscribeAsync("alerts:PM01");
        var listVersion = snapshot.GetProperty("version").GetInt64();
        await card.SubscribeAsync("customer:LQ1");

        await Feed.PostAsync(system.Http, Complaint("LQ1", "lq1-c1", "T-LQ1"));
        var raised = await queue.NextAsync("alertChanged", "alerts:PM01", m => m.GetProperty("customerId").GetString() == "LQ1");
        Assert.True(raised.GetProperty("version").GetInt64() > listVersion);
        var alert = raised.GetProperty("summary").GetProperty("openAlerts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "complaint");
        var alertId = alert.GetProperty("id").GetString()!;
        Assert.Equal("PM01", alert.GetProperty("owner").GetString());

        using var pm = await system.Gateway.CreateSignedInClientAsync("pm01");
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        // Not the account manager's alert to act on.
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync($"/api/v1/alerts/{alertId}/ack", new { customerId = "LQ1" })).StatusCode);

        // Without the customer id the alert is found through the read model, seconds behind at most.
        var acked = await Eventually.GetAsync(async () => (await pm.PostAsJsonAsync($"/api/v1/alerts/{alertId}/ack", new { })).StatusCode,
            s => s != HttpStatusCode.NotFound, TimeSpan.FromSeconds(10), "the alert in the read model");
        Assert.Equal(HttpStatusCode.OK, acked);
        var ackPush = await queue.NextAsync("alertChanged", "alerts:PM01",
            m => m.GetProperty("summary").GetProperty("openAlerts").EnumerateArray().Any(a => a.GetProperty("id").GetString() == alertId && a.GetProperty("state").GetString() == "acknowledged"));
        Assert.True(ackPush.GetProperty("version").GetInt64() > raised.GetProperty("version").GetInt64());
        await card.NextAsync("profileChanged", "customer:LQ1", m => m.GetProperty("changed").EnumerateArray().Any(c => c.GetString() == "alerts"));

        using var noOutcome = await pm.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { customerId = "LQ1" });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        Assert.Contains("outcome", await noOutcome.Content.ReadAsStringAsync());
        using var resolved = await pm.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { customerId = "LQ1", outcome = "refund agreed on the phone" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var profile = await resolved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(profile.GetProperty("derived").GetProperty("alerts").EnumerateArray(), a => a.GetProperty("id").GetString() == alertId);
        using var twice = await pm.PostAsJsonAsync($"/api/v1/alerts/{alertId}/resolve", new { customerId = "LQ1", outcome = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already resolved", await twice.Content.ReadAsStringAsync());

        // Resolved: the customer leaves the queue, and the timeline holds both actions.
        await queue.NextAsync("alertChanged", "alerts:PM01", m => m.GetProperty("customerId").GetString() == "LQ1"
            && m.GetProperty("summary").GetProperty("openAlerts").GetArrayLength() == 0);
        var timeline = await pm.GetFromJsonAsync<JsonElement>("/api/v1/customers/LQ1/timeline");
        var actions = timeline.EnumerateArray().Where(e => e.GetProperty("type").GetString() == "staff.alert-action")
            .Select(e => e.GetProperty("payload").GetProperty("action").GetString()).ToList();
        Assert.Equal(["resolve", "acknowledge"], actions);
    }

    [Fact]
    public async Task the_account_managers_portfolio_changes_live_and_another_portfolio_hears_nothing()
    {
        await using var mine = await TestConsole.ConnectAsync(system.Gateway, "am01");
        await using var admin = await TestConsole.ConnectAsync(system.Gateway, "admin");
        await mine.SubscribeAsync("portfolio:AM01");
        await admin.SubscribeAsync("portfolio:AM03");

        await Feed.PostAsync(system.Http, Registered("LP1", "lp1-reg", msisdn: "13912350011", name: "Wang Fang"));
        var line = await mine.NextAsync("profileChanged", "portfolio:AM01", m => m.GetProperty("customerId").GetString() == "LP1");
        Assert.Equal("Wang Fang", line.GetProperty("summary").GetProperty("name").GetString());

        await Feed.PostAsync(system.Http, Registered("LP3", "lp3-reg", msisdn: "13912350013", accountManagerId: "AM03"));
        var other = await admin.NextAsync("profileChanged", "portfolio:AM03", m => m.GetProperty("customerId").GetString() == "LP3");
        Assert.Equal("AM03", other.GetProperty("summary").GetProperty("accountManagerId").GetString());
        // Pushes on one connection arrive in order: had LP3 reached AM01's portfolio, it would be here by now.
        while (mine.Pushes.Reader.TryRead(out var push)) Assert.NotEqual("LP3", push.Message.GetProperty("customerId").GetString());

        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        var portfolio = await am.GetFromJsonAsync<JsonElement>("/api/v1/portfolio");
        Assert.Contains(portfolio.GetProperty("customers").EnumerateArray(), c => c.GetProperty("customerId").GetString() == "LP1");
        Assert.Equal(HttpStatusCode.Forbidden, (await am.GetAsync("/api/v1/portfolio?managerId=AM03")).StatusCode);
    }

    [Fact]
    public async Task a_tier_change_is_pushed_to_the_regions_board_with_its_reason_and_moves_the_counts()
    {
        await Feed.PostAsync(system.Http, Registered("LT1", "lt1-reg", msisdn: "13912350021", region: "west", accountManagerId: "AM09", phoneManagerId: "PM09"));
        await using var board = await TestConsole.ConnectAsync(system.Gateway, "admin");
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        await Eventually.GetAsync(async () => await admin.GetFromJsonAsync<JsonElement>("/api/v1/tiers/board?region=west"),
            b => b.GetProperty("tiers").GetProperty("mass").GetInt64() >= 1, TimeSpan.FromSeconds(10), "LT1 counted as mass");
        await board.SubscribeAsync("tiers:west");

        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Bill("LT1", "lt1-b1", months[0], 150), Bill("LT1", "lt1-b2", months[1], 150), Bill("LT1", "lt1-b3", months[2], 150));
        var change = await board.NextAsync("tierChanged", "tiers:west", m => m.GetProperty("customerId").GetString() == "LT1");
        var tier = change.GetProperty("tierChange");
        Assert.Equal(("mass", "mid-high"), (tier.GetProperty("from").GetString(), tier.GetProperty("to").GetString()));
        Assert.False(string.IsNullOrEmpty(tier.GetProperty("reason").GetProperty("text").GetString()));

        var counted = await Eventually.GetAsync(async () => await admin.GetFromJsonAsync<JsonElement>("/api/v1/tiers/board?region=west"),
            b => b.GetProperty("tiers").GetProperty("mid-high").GetInt64() >= 1, TimeSpan.FromSeconds(10), "LT1 counted as mid/high");
        Assert.Contains(counted.GetProperty("changes").EnumerateArray(), c => c.GetProperty("customerId").GetString() == "LT1");
        var changes = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tiers/changes?region=west");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("customerId").GetString() == "LT1");
        using var supervisor = await system.Gateway.CreateSignedInClientAsync("sup-north");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/tiers/board?region=west")).StatusCode);
    }

    [Fact]
    public async Task a_mid_high_customer_walking_in_raises_the_walk_in_alert_to_the_store_and_tells_the_account_manager()
    {
        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Registered("LW1", "lw1-reg", msisdn: "13912350031"),
            Bill("LW1", "lw1-b1", months[0], 200), Bill("LW1", "lw1-b2", months[1], 200), Bill("LW1", "lw1-b3", months[2], 200));
        await using var portfolio = await TestConsole.ConnectAsync(system.Gateway, "am01");
        await portfolio.SubscribeAsync("portfolio:AM01");
        using var store = await system.Gateway.CreateSignedInClientAsync("store01");

        using var walkIn = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13912350031" });
        Assert.Equal(HttpStatusCode.OK, walkIn.StatusCode);
        var card = await walkIn.Content.ReadFromJsonAsync<JsonElement>();
        var alert = card.GetProperty("derived").GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "walk-in");
        Assert.Equal("S01", alert.GetProperty("owner").GetString());
        await portfolio.NextAsync("walkIn", "portfolio:AM01", m => m.GetProperty("customerId").GetString() == "LW1");

        var today = await store.GetFromJsonAsync<JsonElement>("/api/v1/stores/S01/walk-ins");
        Assert.Contains(today.GetProperty("walkIns").EnumerateArray(), w => w.GetProperty("customer").GetProperty("customerId").GetString() == "LW1");
        // The store works its walk-in alert.
        using var acked = await store.PostAsJsonAsync($"/api/v1/alerts/{alert.GetProperty("id").GetString()}/ack", new { customerId = "LW1" });
        Assert.Equal(HttpStatusCode.OK, acked.StatusCode);
    }
}
