using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Gateway.Audit;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>The audit log, over HTTP against the running system: written before the answer, and queried by admins.</summary>
[Collection(SystemCollection.Name)]
public sealed class AuditTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private async Task<JsonElement[]> AuditAsync(string query)
    {
        var response = await system.Admin.GetAsync("/api/v1/audit?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    // No waiting: a read's entry is committed before the read is answered.
    private async Task<JsonElement[]> EntriesForAsync(string customerId, int atLeast)
    {
        var entries = await AuditAsync($"customerId={customerId}");
        Assert.True(entries.Length >= atLeast, $"{atLeast} audit entries for {customerId} expected, found {entries.Length}");
        return entries;
    }

    // The search read model follows the profiles a moment behind.
    private static Task<JsonElement> FoundAsync(HttpClient http, string customerId) =>
        Eventually.GetAsync(() => http.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={customerId}")!,
            page => page.GetProperty("customers").EnumerateArray().Any(c => c.GetProperty("customerId").GetString() == customerId),
            Wait, $"{customerId} found by search");

    private static async Task ReadAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.GetAsync("/api/v1/customers/" + path);
        Assert.True(response.StatusCode == expected, $"GET {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task a_profile_read_by_an_administrator_is_listed_with_who_when_and_through_what()
    {
        await Feed.PostAsync(system.Http, Registered("AU1", "au1-reg"));
        var before = DateTimeOffset.UtcNow;
        await ReadAsync(system.Admin, "AU1");
        var after = DateTimeOffset.UtcNow;

        var entry = Assert.Single(await EntriesForAsync("AU1", 1));
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
        Assert.Equal("admin", entry.GetProperty("role").GetString());
        Assert.Equal("AU1", entry.GetProperty("customerId").GetString());
        Assert.Equal("GET /api/v1/customers/{id}", entry.GetProperty("through").GetString());
        Assert.Equal("read", entry.GetProperty("kind").GetString());
        var at = entry.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(at, before.AddSeconds(-1), after.AddSeconds(1));
    }

    [Fact]
    public async Task a_read_by_phone_number_is_listed_through_its_route_and_the_number_is_not_kept()
    {
        await Feed.PostAsync(system.Http, Registered("AU2", "au2-reg", msisdn: "13712349902"));
        using var manager = await system.Gateway.CreateSignedInClientAsync("am01");
        await ReadAsync(manager, "by-msisdn/13712349902");

        var entry = Assert.Single(await EntriesForAsync("AU2", 1));
        Assert.Equal(("am01", "account-manager"), (entry.GetProperty("userName").GetString(), entry.GetProperty("role").GetString()));
        Assert.Equal("GET /api/v1/customers/by-msisdn/{msisdn}", entry.GetProperty("through").GetString());
        var rows = await system.Db.ScalarAsync<long>("select count(*) from c360_audit where concat_ws(' ', user_name, role, customer_id, through, detail) like '%13712349902%'");
        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task reads_by_the_producer_key_or_anonymous_are_not_audited()
    {
        await Feed.PostAsync(system.Http, Registered("AU3", "au3-reg"));
        using var anonymous = system.Gateway.CreateHttpClient();
        // Producers and anonymous callers may not read profiles at all; nothing of theirs is audited either.
        await ReadAsync(system.Http, "AU3", HttpStatusCode.Unauthorized);
        var anonymousRead = await anonymous.GetAsync("/api/v1/customers/AU3");
        await ReadAsync(system.Admin, "AU3");

        var entry = Assert.Single(await EntriesForAsync("AU3", 1));
        Assert.Equal("admin", entry.GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
    }

    [Fact]
    public async Task a_read_of_a_customer_that_is_not_registered_is_not_audited()
    {
        await ReadAsync(system.Admin, "AU4", HttpStatusCode.NotFound);
        await Feed.PostAsync(system.Http, Registered("AU4", "au4-reg"));
        await ReadAsync(system.Admin, "AU4");

        Assert.Single(await EntriesForAsync("AU4", 1));
    }

    [Fact]
    public async Task entries_come_newest_first_and_filter_by_user_time_and_limit()
    {
        await Feed.PostAsync(system.Http, Registered("AU5", "au5-reg"));
        using var supervisor = await system.Gateway.CreateSignedInClientAsync("sup-north");
        await ReadAsync(system.Admin, "AU5");
        await ReadAsync(supervisor, "AU5");
        await ReadAsync(system.Admin, "AU5");

        var all = await EntriesForAsync("AU5", 3);
        Assert.Equal(["admin", "sup-north", "admin"], all.Select(e => e.GetProperty("userName").GetString()));
        var times = all.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);

        Assert.Equal(2, (await AuditAsync("customerId=AU5&limit=2")).Length);
        var bySupervisor = Assert.Single(await AuditAsync("customerId=AU5&user=sup-north"));
        Assert.Equal("supervisor", bySupervisor.GetProperty("role").GetString());
        var since = Uri.EscapeDataString(times[1].ToString("O"));
        Assert.Equal(2, (await AuditAsync($"customerId=AU5&since={since}")).Length);
        Assert.Single(await AuditAsync($"customerId=AU5&until={since}"));
        Assert.Contains(await AuditAsync("user=sup-north"), e => e.GetProperty("customerId").GetString() == "AU5");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("am01", HttpStatusCode.Forbidden)]
    [InlineData("sup-north", HttpStatusCode.Forbidden)]
    [InlineData("feed", HttpStatusCode.Forbidden)]
    public async Task only_an_administrator_may_read_the_audit_log(string? user, HttpStatusCode expected)
    {
        using var http = user is null ? system.Gateway.CreateHttpClient() : await system.Gateway.CreateSignedInClientAsync(user);
        Assert.Equal(expected, (await http.GetAsync("/api/v1/audit?customerId=AU1")).StatusCode);
    }

    [Fact]
    public async Task a_producer_key_is_no_credential_for_the_audit_log()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Http.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-13-01", "until")]
    [InlineData("since=2026-02-01T00:00:00Z&until=2026-01-01T00:00:00Z", "until")]
    [InlineData("customerId=", "customerId")]
    [InlineData("kind=everything", "kind")]
    public async Task a_bad_parameter_is_refused_naming_it(string query, string parameter)
    {
        var response = await system.Admin.GetAsync("/api/v1/audit?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task the_openapi_document_describes_the_audit_endpoint_and_its_parameters()
    {
        var doc = await system.Admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var get = doc.GetProperty("paths").GetProperty("/api/v1/audit").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["customerId", "user", "since", "until", "limit", "kind"], parameters);
        Assert.True(get.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Theory]
    [InlineData("Audit:BatchSize", "0")]
    [InlineData("Audit:WriteTimeout", "00:00:00")]
    [InlineData("Audit:RetryAfterSeconds", "0")]
    public async Task a_bad_audit_setting_stops_the_gateway_naming_it(string setting, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}",
            new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(setting, failure.ToString());
    }

    [Fact]
    public async Task entries_filter_by_kind()
    {
        await Feed.PostAsync(system.Http, Registered("AU6", "au6-reg", msisdn: "13712349906"));
        await ReadAsync(system.Admin, "AU6");
        await FoundAsync(system.Admin, "AU6");

        var lists = await AuditAsync("customerId=AU6&kind=list");
        Assert.Contains(lists, e => e.GetProperty("through").GetString() == "GET /api/v1/customers");
        Assert.All(lists, e => Assert.Equal("list", e.GetProperty("kind").GetString()));
        var reads = await AuditAsync("customerId=AU6&kind=read");
        Assert.Equal("GET /api/v1/customers/{id}", Assert.Single(reads).GetProperty("through").GetString());
    }

    [Fact]
    public async Task when_the_audit_log_cannot_be_written_a_read_answers_503_with_retry_after_and_no_personal_data()
    {
        await Feed.PostAsync(system.Http, Registered("AU7", "au7-reg", msisdn: "13712349907", name: "Audit Seven"));
        await FoundAsync(system.Admin, "AU7");
        // A gateway of the same cluster whose audit log points at a port where no PostgreSQL listens.
        var nowhere = new NpgsqlConnectionStringBuilder(system.Db.ConnectionString) { Port = FreePort.Next(), Timeout = 2 }.ConnectionString;
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId,
            new Dictionary<string, string?> { ["Audit:WriteTimeout"] = "00:00:05", ["Audit:RetryAfterSeconds"] = "7" },
            services => services.AddKeyedSingleton(AuditHostingExtensions.DataSourceKey, (_, _) => NpgsqlDataSource.Create(nowhere)));
        using var admin = await gateway.CreateSignedInClientAsync("admin");

        foreach (var path in new[] { "/api/v1/customers/AU7", "/api/v1/customers/by-msisdn/13712349907", "/api/v1/customers/AU7/timeline", "/api/v1/customers?q=AU7" })
        {
            var response = await admin.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {response.StatusCode} {body}");
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("Audit Seven", body);
            Assert.DoesNotContain("13712349907", body);
        }
        // The hub refuses the snapshot alike.
        await using var console = await TestConsole.ConnectAsync(gateway, "admin");
        var refused = await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync("customer:AU7"));
        Assert.Contains("audit log is unavailable", refused.Message);
        // The shared gateway, whose log works, answers the same read.
        await ReadAsync(system.Admin, "AU7");
    }
}
