using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Gateway.Auth;
using Customer360.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Producers hold grants (issue 13, item 3): each credential sends only the event types its grants cover, and an
/// event outside them is rejected alone while the rest of the batch lands. Each test starts a gateway of its own,
/// beside the shared one, holding the producers it needs; the shared gateway's own producer (every grant) sets
/// the scene.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ProducerGrantsTests(SystemFixture system)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static JsonObject Event(string customerId, string eventId, string type, JsonObject payload) => new()
    {
        ["eventId"] = eventId, ["customerId"] = customerId, ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"), ["type"] = type, ["payload"] = payload,
    };

    private static JsonObject Reassigned(string customerId, string eventId, string accountManagerId) =>
        Event(customerId, eventId, "customer.updated", new JsonObject { ["accountManagerId"] = accountManagerId, ["region"] = "south" });

    private static JsonObject WalkIn(string customerId, string eventId, string storeId) =>
        Event(customerId, eventId, "touchpoint", new JsonObject { ["channel"] = "store", ["kind"] = "walk-in", ["storeId"] = storeId, ["staffId"] = "pos-7" });

    private Task<TestGateway> GatewayHoldingAsync(params TestProducer[] producers) =>
        TestGateway.StartAsync(system.Db, system.ClusterId, TestProducer.Settings(producers)).WaitAsync(TimeSpan.FromSeconds(90));

    private static async Task<JsonElement> PostAsync(HttpClient http, params JsonNode[] events) =>
        await Feed.PostAsync(http, events).WaitAsync(Timeout);

    private static (int Index, string? EventId, string Error)[] Rejected(JsonElement answer) =>
        [.. answer.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("eventId").GetString(), r.GetProperty("error").GetString()!))];

    private async Task<JsonElement> IdentityAsync(string customerId) =>
        (await Feed.ProfileAsync(system.Admin, customerId).WaitAsync(Timeout)).GetProperty("identity");

    private async Task<string[]> WalkInsTodayAsync(string storeId)
    {
        var list = await system.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/stores/{storeId}/walk-ins").WaitAsync(Timeout);
        return [.. list.GetProperty("walkIns").EnumerateArray().Select(w => w.GetProperty("customer").GetProperty("customerId").GetString()!)];
    }

    [Fact]
    public async Task a_usage_feed_cannot_reassign_a_customers_account_manager_while_its_usage_in_the_same_batch_lands()
    {
        await PostAsync(system.Http, Registered("PG1", "pg1-reg", msisdn: "13955500001", accountManagerId: "AM01"));
        var usage = new TestProducer("usage-feed", ["usage"], BySha256: true);
        await using var gateway = await GatewayHoldingAsync(usage);
        using var http = usage.CreateClient(gateway);

        var answer = await PostAsync(http, Data("PG1", "pg1-d1", 40), Reassigned("PG1", "pg1-steal", "AM66"), Voice("PG1", "pg1-v1", 120));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([(1, "pg1-steal", "event type customer.updated is outside this producer's grants (usage); it needs master-data")], Rejected(answer));
        var identity = await IdentityAsync("PG1");
        Assert.Equal(("AM01", "north"), (identity.GetProperty("accountManagerId").GetString(), identity.GetProperty("region").GetString()));
        Assert.Equal(40m, (await Feed.ProfileAsync(system.Admin, "PG1")).GetProperty("usage").GetProperty("dataMb").GetDecimal());

        // The attempt is a denial on record: who, and what, with no customer or payload in it.
        var audit = await Eventually.GetAsync(
            () => system.Admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?user=usage-feed"),
            a => a.GetArrayLength() > 0, Timeout, "the denial in the audit log");
        var entry = audit.EnumerateArray().First();
        Assert.Equal("events outside grants", entry.GetProperty("through").GetString());
        Assert.Contains("customer.updated x1", entry.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task a_usage_feeds_walk_in_is_rejected_and_opens_the_customer_to_no_store()
    {
        await PostAsync(system.Http, Registered("PG2", "pg2-reg", msisdn: "13955500002"));
        var usage = new TestProducer("usage-feed-2", ["usage"]);
        await using var gateway = await GatewayHoldingAsync(usage);
        using var http = usage.CreateClient(gateway);

        var visit = Event("PG2", "pg2-visit", "touchpoint", new JsonObject { ["channel"] = "store", ["kind"] = "visit", ["storeId"] = "S01" });
        var answer = await PostAsync(http, WalkIn("PG2", "pg2-walk", "S01"), visit);

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([(0, "pg2-walk", "a walk-in touchpoint is outside this producer's grants (usage); it needs store-systems")], Rejected(answer));
        Assert.DoesNotContain("PG2", await WalkInsTodayAsync("S01"));
    }

    [Fact]
    public async Task a_store_system_records_walk_ins_at_its_own_stores_only()
    {
        await PostAsync(system.Http, Registered("PG3", "pg3-reg", msisdn: "13955500003"), Registered("PG4", "pg4-reg", msisdn: "13955500004"));
        var till = new TestProducer("store-s03", ["store-systems"], ["S03"]);
        await using var gateway = await GatewayHoldingAsync(till);
        using var http = till.CreateClient(gateway);

        var answer = await PostAsync(http, WalkIn("PG3", "pg3-walk", "S03"), WalkIn("PG4", "pg4-walk", "S04"), Data("PG3", "pg3-d1", 5),
            Reassigned("PG3", "pg3-steal", "AM66"));

        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(
            [
                (1, "pg4-walk", "walk-in at store S04 is not one of this producer's stores"),
                (2, "pg3-d1", "event type usage.data is outside this producer's grants (store-systems); it needs usage"),
                (3, "pg3-steal", "event type customer.updated is outside this producer's grants (store-systems); it needs master-data"),
            ], Rejected(answer));
        await Eventually.GetAsync(() => WalkInsTodayAsync("S03"), ids => ids.Contains("PG3"), Timeout, "PG3 on the walk-ins of S03");
        Assert.DoesNotContain("PG4", await WalkInsTodayAsync("S04"));
        Assert.Equal("AM01", (await IdentityAsync("PG3")).GetProperty("accountManagerId").GetString());
    }

    [Fact]
    public async Task a_master_data_system_registers_and_reassigns_but_sends_no_usage()
    {
        var crm = new TestProducer("crm", ["master-data"]);
        await using var gateway = await GatewayHoldingAsync(crm);
        using var http = crm.CreateClient(gateway);

        var answer = await PostAsync(http, Registered("PG5", "pg5-reg", msisdn: "13955500005", accountManagerId: "AM01"),
            Reassigned("PG5", "pg5-move", "AM02"), Data("PG5", "pg5-d1", 7));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([(2, "pg5-d1", "event type usage.data is outside this producer's grants (master-data); it needs usage")], Rejected(answer));
        var identity = await IdentityAsync("PG5");
        Assert.Equal(("AM02", "south"), (identity.GetProperty("accountManagerId").GetString(), identity.GetProperty("region").GetString()));
    }

    [Fact]
    public async Task a_credential_with_no_grants_can_post_nothing()
    {
        var idle = new TestProducer("idle", []);
        await using var gateway = await GatewayHoldingAsync(idle);
        using var http = idle.CreateClient(gateway);

        var answer = await PostAsync(http, Registered("PG6", "pg6-reg", msisdn: "13955500006"), Data("PG6", "pg6-d1", 1));

        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        Assert.All(Rejected(answer), r => Assert.Contains("outside this producer's grants (none)", r.Error));
        Assert.Equal(2, Rejected(answer).Length);
        Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.GetAsync("/api/v1/customers/PG6")).StatusCode);
    }

    /// <summary>A token of role ingest as a sign-in would issue it, with the grant and store claims of a producer user.</summary>
    private string IngestToken(string name, string[] grants, string[] stores)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, Roles.Ingest) };
        claims.AddRange(grants.Select(g => new Claim(ScopeClaims.Grant, g)));
        claims.AddRange(stores.Select(s => new Claim(ScopeClaims.ProducerStore, s)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenIssuer.Issuer,
            Audience = TokenIssuer.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(system.Gateway.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task a_producer_signed_in_with_a_token_is_held_to_its_grant_claims()
    {
        await PostAsync(system.Http, Registered("PG7", "pg7-reg", msisdn: "13955500007", accountManagerId: "AM01"));
        using var usage = system.Gateway.CreateHttpClient();
        usage.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestToken("token-usage", ["usage", "store-systems"], ["S05"]));

        var answer = await PostAsync(usage, Reassigned("PG7", "pg7-steal", "AM66"), Data("PG7", "pg7-d1", 3), WalkIn("PG7", "pg7-walk-s06", "S06"),
            WalkIn("PG7", "pg7-walk-s05", "S05"));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(
            [
                (0, "pg7-steal", "event type customer.updated is outside this producer's grants (store-systems, usage); it needs master-data"),
                (2, "pg7-walk-s06", "walk-in at store S06 is not one of this producer's stores"),
            ], Rejected(answer));
        Assert.Equal("AM01", (await IdentityAsync("PG7")).GetProperty("accountManagerId").GetString());

        using var bare = system.Gateway.CreateHttpClient();
        bare.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestToken("token-bare", [], []));
        var nothing = await PostAsync(bare, Data("PG7", "pg7-d2", 3));
        Assert.Equal([(0, "pg7-d2", "event type usage.data is outside this producer's grants (none); it needs usage")], Rejected(nothing));
    }

    public static TheoryData<string, string, string> BadProducers => new()
    {
        { "Grants:0", "billing", "Auth:Producers:1 (bad) has grant 'billing'; expected any of usage, master-data, store-systems" },
        { "Key", "too-short-key", "Auth:Producers:1 (bad) Key must be at least 32 characters" },
        { "KeySha256", new string('a', 64), "Auth:Producers:1 (bad) needs exactly one of Key and KeySha256" },
        { "Grants:0", "store-systems", "Auth:Producers:1 (bad) has grant store-systems but no Stores" },
        { "Name", "test-feed", "Auth:Producers names 'test-feed' twice" },
    };

    [Theory]
    [MemberData(nameof(BadProducers))]
    public async Task a_bad_producer_setting_stops_the_gateway_naming_it(string setting, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Producers:1:Name"] = "bad", ["Auth:Producers:1:Key"] = new string('k', 40), [$"Auth:Producers:1:{setting}"] = value,
        };
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}", settings));
        Assert.Contains(message, failure.ToString());
    }

    [Fact]
    public async Task a_producer_needs_a_key_or_its_hash_and_never_the_old_key_list()
    {
        var noKey = new Dictionary<string, string?> { ["Auth:Producers:1:Name"] = "keyless", ["Auth:Producers:1:Grants:0"] = "usage" };
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}", noKey));
        Assert.Contains("Auth:Producers:1 (keyless) needs exactly one of Key and KeySha256", failure.ToString());

        var notHex = new Dictionary<string, string?> { ["Auth:Producers:1:Name"] = "hex", ["Auth:Producers:1:KeySha256"] = "not-a-hash" };
        failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}", notHex));
        Assert.Contains("Auth:Producers:1 (hex) KeySha256 must be 64 hex digits", failure.ToString());

        var legacy = new Dictionary<string, string?> { ["Auth:IngestApiKeys:0"] = new string('k', 40) };
        failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}", legacy));
        Assert.Contains("Auth:IngestApiKeys is no longer read", failure.ToString());

        var key = new string('k', 40);
        var twins = new Dictionary<string, string?>
        {
            ["Auth:Producers:1:Name"] = "one", ["Auth:Producers:1:Key"] = key,
            ["Auth:Producers:2:Name"] = "two", ["Auth:Producers:2:KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
        };
        failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}", twins));
        Assert.Contains("Auth:Producers:2 (two) has the same key as Auth:Producers:1 (one)", failure.ToString());
    }

    [Fact]
    public void a_producer_key_written_in_a_settings_file_stops_the_gateway()
    {
        var file = Path.Combine(Path.GetTempPath(), $"producers-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, $$"""{ "Auth": { "Producers": [ { "Name": "filed", "Key": "{{new string('k', 40)}}", "Grants": ["usage"] } ] } }""");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
            builder.Configuration.AddJsonFile(file);
            var failure = Assert.Throws<InvalidOperationException>(() => builder.AddProducerCredentials());
            Assert.Contains($"Auth:Producers:0:Key is in the file {Path.GetFileName(file)}: put the key's SHA-256 in KeySha256", failure.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
