using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Walks-ins within reason, over real HTTP: store staff (store01: store S01, region north) identify customers of
/// their region only unless <c>Access:WalkInScope</c> says otherwise, an unknown number and a customer outside
/// the scope answer alike, each staff member has a bounded rate, and nobody but the store's own staff puts a
/// customer on its list.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WalkInScopeTests(SystemFixture system)
{
    // WS1: north, home store S01. WS2: south, home store S02, nobody's portfolio of the demo users.
    private async Task RegisterAsync() => await Feed.PostAsync(system.Http,
        Registered("WS1", "ws1-reg", msisdn: "13955510001", region: "north"),
        Registered("WS2", "ws2-reg", msisdn: "13955510002", region: "south", homeStoreId: "S02", accountManagerId: "AM02", phoneManagerId: "PM02"));

    /// <summary>A walk-in; the number never comes back in full to store staff (<paramref name="masked"/>), refused or not.</summary>
    private static async Task<(HttpStatusCode Status, string Detail)> WalkInAsync(HttpClient http, string store, string msisdn, bool masked = true)
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/stores/{store}/walk-ins", new { msisdn });
        var body = await response.Content.ReadAsStringAsync();
        if (masked) Assert.DoesNotContain(msisdn, body);
        var detail = body.Length > 0 && JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        return (response.StatusCode, detail);
    }

    private static async Task<bool> OnTodaysListAsync(HttpClient http, string store, string customerId)
    {
        var list = await http.GetFromJsonAsync<JsonElement>($"/api/v1/stores/{store}/walk-ins");
        return list.GetProperty("walkIns").EnumerateArray().Any(w => w.GetProperty("customer").GetProperty("customerId").GetString() == customerId);
    }

    [Fact]
    public async Task store_staff_cannot_identify_a_customer_of_another_region_and_are_told_what_an_unknown_number_gets()
    {
        await RegisterAsync();
        using var store = await system.Gateway.CreateSignedInClientAsync("store01");

        var outside = await WalkInAsync(store, "S01", "13955510002");
        var unknown = await WalkInAsync(store, "S01", "13955519999");
        Assert.Equal(HttpStatusCode.Forbidden, outside.Status);
        Assert.Equal(outside.Status, unknown.Status);
        // The same words but for the masked number.
        Assert.Equal(outside.Detail.Replace("139****0002", "#"), unknown.Detail.Replace("139****9999", "#"));

        Assert.False(await OnTodaysListAsync(system.Admin, "S01", "WS2"));
        Assert.Equal(HttpStatusCode.Forbidden, (await store.GetAsync("/api/v1/customers/WS2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync(store, "S01", "13955510001")).Status);
    }

    [Fact]
    public async Task with_walk_in_scope_anywhere_store_staff_identify_a_customer_of_any_region()
    {
        await RegisterAsync();
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { ["Access:WalkInScope"] = "anywhere" });
        using var store = await gateway.CreateSignedInClientAsync("store01");
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync(store, "S01", "13955510002")).Status);
        Assert.True(await OnTodaysListAsync(system.Admin, "S01", "WS2"));
        Assert.Equal(HttpStatusCode.Forbidden, (await WalkInAsync(store, "S01", "13955519999")).Status);
    }

    [Fact]
    public async Task with_walk_in_scope_home_store_store_staff_identify_only_their_stores_customers()
    {
        await RegisterAsync();
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { ["Access:WalkInScope"] = "home-store" });
        using var store = await gateway.CreateSignedInClientAsync("store01");
        Assert.Equal(HttpStatusCode.Forbidden, (await WalkInAsync(store, "S01", "13955510002")).Status);
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync(store, "S01", "13955510001")).Status);
    }

    [Fact]
    public async Task a_staff_member_over_the_walk_in_rate_is_told_to_retry_later_and_others_are_not()
    {
        await RegisterAsync();
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { ["Access:WalkInsPerMinute"] = "3" });
        using var store = await gateway.CreateSignedInClientAsync("store01");
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        // Refused attempts count too: sweeping numbers is what the limit is for.
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await WalkInAsync(store, "S01", $"1395551900{i}")).Status);

        using var over = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13955510001" });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var retryAfter = int.Parse(Assert.Single(over.Headers.GetValues("Retry-After")));
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("at most 3 walk-ins a minute", await over.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync(admin, "S01", "13955510001", masked: false)).Status);
        // The refusal is audited like any other, without the number.
        await Eventually.GetAsync(async () => (await system.Admin.GetFromJsonAsync<JsonElement[]>("/api/v1/audit?user=store01&limit=1000"))!,
            entries => entries.Any(e => e.TryGetProperty("detail", out var d) && d.GetString() == "denied: more than 3 walk-ins a minute"
                && e.GetProperty("through").GetString() == "POST /api/v1/stores/{storeId}/walk-ins"),
            TimeSpan.FromSeconds(15), "the rate-limit refusal in the audit log");
    }

    [Theory]
    [InlineData("am01")]
    [InlineData("pm01")]
    [InlineData("admin")]
    [InlineData("store01")]
    public async Task nobody_puts_a_customer_on_a_stores_walk_in_list_through_a_touchpoint(string user)
    {
        await RegisterAsync();
        using var http = await system.Gateway.CreateSignedInClientAsync(user);
        using var touchpoint = await http.PostAsJsonAsync("/api/v1/customers/WS1/touchpoints",
            new { channel = "store", kind = "walk-in", storeId = "S07" });
        Assert.Equal(HttpStatusCode.Forbidden, touchpoint.StatusCode);
        Assert.Contains("/walk-ins", await touchpoint.Content.ReadAsStringAsync());
        Assert.False(await OnTodaysListAsync(system.Admin, "S07", "WS1"));
    }

    [Theory]
    [InlineData("am01")]
    [InlineData("pm01")]
    [InlineData("sup-north")]
    public async Task managers_and_supervisors_record_no_walk_ins_at_any_store(string user)
    {
        await RegisterAsync();
        using var http = await system.Gateway.CreateSignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await WalkInAsync(http, "S07", "13955510001")).Status);
        Assert.False(await OnTodaysListAsync(system.Admin, "S07", "WS1"));
    }

    [Theory]
    [InlineData("Access:WalkInScope", "everywhere", "Access:WalkInScope is 'everywhere'; expected region, home-store or anywhere")]
    [InlineData("Access:WalkInsPerMinute", "0", "Access:WalkInsPerMinute must be from 1 to 10000")]
    public async Task a_bad_access_setting_stops_the_gateway_at_start_naming_the_setting(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(message, error.Message);
    }
}
