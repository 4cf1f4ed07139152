using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// <c>POST /api/v1/customers/{id}/erase</c> over real HTTP, silo processes and PostgreSQL: afterwards a full dump of
/// the database holds neither the person's name, nor their number, nor the notes about them; bills survive; the
/// profile answers 410; a resent registration is refused; the number serves a new customer; and all of it holds
/// after the silo is killed and started again. Its own database and cluster, so the dump holds this test only.
/// </summary>
public sealed class ErasureTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    // Distinctive enough that finding them anywhere in a dump can only mean the person was not erased.
    private const string Name = "Quillon Vashmoreby";
    private const string Msisdn = "13987650042";
    private const string VisitNote = "Vashmoreby prefers calls after seven";
    private const string OrderNote = "bring the Vashmoreby spare handset";

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task an_erased_customer_leaves_no_personal_data_in_the_database_stays_gone_after_a_restart_and_frees_the_number()
    {
        var cluster = $"erase-{Guid.NewGuid():N}";
        var first = await SiloProcess.StartAsync(_db, cluster, "erase-first");
        await using var gateway = await TestGateway.StartAsync(_db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        using var am = await gateway.CreateSignedInClientAsync("am01");
        using var pm = await gateway.CreateSignedInClientAsync("pm01");
        using var store = await gateway.CreateSignedInClientAsync("store01");
        await Eventually.GetAsync(async () => (await producer.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, Timeout, "gateway ready");

        // A customer with a profile, usage, bills, a visit note, a walk-in and a work order with notes.
        var registration = Registered("ER1", "er1-reg", msisdn: Msisdn, name: Name);
        var months = ClosedMonths(3);
        await Feed.PostAsync(producer, registration, Data("ER1", "er1-d1", 512), Bill("ER1", "er1-b1", months[0], 211),
            Bill("ER1", "er1-b2", months[1], 212), Bill("ER1", "er1-b3", months[2], 213));
        await OkAsync(am.PostAsJsonAsync("/api/v1/customers/ER1/touchpoints", new { channel = "account-manager-visit", kind = "note", note = VisitNote }));
        await OkAsync(store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = Msisdn }));
        await OkAsync(pm.PostAsJsonAsync("/api/v1/work-orders", new
        {
            customerId = "ER1", addressee = new { kind = "store", id = "S01" }, kind = "device-swap",
            dueAt = DateTimeOffset.UtcNow.AddHours(4).ToString("O"), notes = OrderNote,
        }));
        await Eventually.GetAsync(() => Feed.ProfileAsync(admin, "ER1"), p => p.GetProperty("workOrders").GetArrayLength() == 1, Timeout, "the work order on the profile");
        await Eventually.GetAsync(() => admin.GetStringAsync("/api/v1/customers?q=ER1"), body => body.Contains("\"ER1\"", StringComparison.Ordinal), Timeout, "ER1 in the read model");
        // The dump does find them while they are there: the search below cannot pass by looking in the wrong place.
        var before = await DumpAsync();
        Assert.All([Name, Msisdn, VisitNote, OrderNote], s => Assert.True(Holds(before, s), $"the dump before erasure lacks '{s}'"));

        // Only an administrator, and only with a reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await am.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "asked" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync("/api/v1/customers/NOBODY9/erase", new { reason = "case 7" })).StatusCode);

        var erased = await OkAsync(admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "PIPL request case 2026-118" }));
        Assert.False(erased.GetProperty("alreadyErased").GetBoolean());
        var again = await OkAsync(admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "PIPL request case 2026-118" }));
        Assert.True(again.GetProperty("alreadyErased").GetBoolean());
        Assert.Equal(2L, await _db.ScalarAsync<long>("select count(*) from c360_audit where kind = 'erasure' and customer_id = 'ER1' and detail = 'PIPL request case 2026-118'"));

        await AssertGoneAsync(admin, am);
        // Lists, boards and inboxes held copies in memory and in grain state: none shows the person any more.
        await AssertNotListedAsync((admin, "/api/v1/customers?q=ER1"), (admin, "/api/v1/tiers/board?region=north"),
            (admin, "/api/v1/tiers/changes?region=north"), (am, "/api/v1/portfolio"), (pm, "/api/v1/alert-queue"),
            (store, "/api/v1/stores/S01/walk-ins"), (store, "/api/v1/work-orders"), (pm, "/api/v1/work-orders"));
        // The read-model writer may still hold a line it took before: it must never write it back.
        await AssertNothingPersonalAsync(withNumber: true);
        // Billing figures survive, under their event ids.
        Assert.Equal(3L, await _db.ScalarAsync<long>("""
            select count(*) from c360_journal
            where customer_id = 'ER1' and type = 'billing.closed' and jsonb_path_exists(payload::jsonb, '$.** ? (@ == 211 || @ == 212 || @ == 213)')
            """));

        // A resent registration (same event id) and a late one (new id) are refused with the reason.
        await AssertRefusedAsync(producer, registration, Registered("ER1", "er1-reg-late", msisdn: Msisdn, name: Name));
        await AssertGoneAsync(admin, am);

        // The number is free: a new customer registers with it and it resolves to them.
        await Feed.PostAsync(producer, Registered("ER2", "er2-reg", msisdn: Msisdn, name: "Nia Other"));
        var byNumber = await Eventually.GetAsync(() => admin.GetAsync($"/api/v1/customers/by-msisdn/{Msisdn}"), r => r.IsSuccessStatusCode, Timeout, "the number resolving");
        Assert.Equal("ER2", (await byNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetString());

        // A crash and a new silo: the tombstone and the erased snapshot are durable, nothing is replayed back.
        await first.KillAsync();
        await using var second = await SiloProcess.StartAsync(_db, cluster, "erase-second", siloPort: first.SiloPort, gatewayPort: first.GatewayPort);
        await first.DisposeAsync();
        // The gateway's client finds the new silo a moment after it is up ("no gateways available" until then).
        await Eventually.GetAsync(async () => ((await admin.GetAsync("/api/v1/customers/ER2")).StatusCode, (await admin.GetAsync("/api/v1/customers/ER1")).StatusCode),
            s => s == (HttpStatusCode.OK, HttpStatusCode.Gone), Timeout, "the cluster back, ER2 there and ER1 gone");
        await AssertGoneAsync(admin, am);
        await AssertRefusedAsync(producer, registration);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "again after restart" })).StatusCode);
        await AssertNothingPersonalAsync(withNumber: false);
    }

    [Fact]
    public async Task an_erasure_interrupted_after_the_profile_was_erased_refuses_events_meanwhile_and_is_finished_by_erasing_again()
    {
        var cluster = $"erase-resume-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(_db, cluster);
        await using var gateway = await TestGateway.StartAsync(_db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        await Eventually.GetAsync(async () => (await producer.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, Timeout, "gateway ready");
        var registration = Registered("ER1", "er1-reg", msisdn: Msisdn, name: Name);
        await Feed.PostAsync(producer, registration);
        await Feed.ProfileAsync(admin, "ER1");

        // The database's part fails (its function withheld from the silo): the grain has stored its flag by then.
        await _db.ExecuteAsync($"revoke execute on function c360_erase_customer(text) from {_db.Roles.Silo}");
        using (var failed = await admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "case 9" }))
            Assert.False(failed.IsSuccessStatusCode, await failed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/customers/ER1")).StatusCode);
        await AssertRefusedAsync(producer, registration);
        Assert.True(Holds(await DumpAsync(), Name), "the journal should still hold the name until the erasure is finished");

        await _db.ExecuteAsync($"grant execute on function c360_erase_customer(text) to {_db.Roles.Silo}");
        await OkAsync(admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "case 9, again" }));
        Assert.Equal(HttpStatusCode.Gone, (await admin.GetAsync("/api/v1/customers/ER1")).StatusCode);
        await AssertNothingPersonalAsync(withNumber: true);
    }

    [Fact]
    public async Task erasure_blanks_the_notes_of_work_orders_too_old_to_be_listed_on_the_profile()
    {
        var cluster = $"erase-orders-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(_db, cluster);
        await using var gateway = await TestGateway.StartAsync(_db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        using var pm = await gateway.CreateSignedInClientAsync("pm01");
        await Eventually.GetAsync(async () => (await producer.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, Timeout, "gateway ready");
        await Feed.PostAsync(producer, Registered("ER1", "er1-reg", msisdn: Msisdn, name: Name));
        await Feed.ProfileAsync(admin, "ER1");

        // The oldest order carries the note; twenty more push it off the profile's list.
        const int listed = 20; // WorkOrderFacts.MaxWorkOrders: the profile lists the newest twenty
        const int orders = listed + 1;
        for (var i = 0; i < orders; i++)
        {
            await OkAsync(pm.PostAsJsonAsync("/api/v1/work-orders", new
            {
                customerId = "ER1", addressee = new { kind = "store", id = "S01" }, kind = "device-swap",
                dueAt = DateTimeOffset.UtcNow.AddHours(4).ToString("O"), notes = i == 0 ? OrderNote : $"follow-up {i}",
            }));
        }
        await Eventually.GetAsync(() => Feed.ProfileAsync(admin, "ER1"),
            p => p.GetProperty("workOrders").GetArrayLength() == listed
                 && !p.GetProperty("workOrders").GetRawText().Contains(OrderNote, StringComparison.Ordinal), Timeout, "the oldest order off the profile");
        Assert.True(Holds(await DumpAsync(), OrderNote), "the oldest order's note should be stored before erasure");

        await OkAsync(admin.PostAsJsonAsync("/api/v1/customers/ER1/erase", new { reason = "PIPL request case 2026-131" }));
        await AssertNotListedAsync((pm, "/api/v1/work-orders"));
        await AssertNothingPersonalAsync(withNumber: true);
    }

    private static async Task AssertGoneAsync(HttpClient admin, HttpClient am)
    {
        Assert.Equal(HttpStatusCode.Gone, (await admin.GetAsync("/api/v1/customers/ER1")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await am.GetAsync("/api/v1/customers/ER1")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await am.GetAsync("/api/v1/customers/ER1/timeline")).StatusCode);
    }

    private static async Task AssertNotListedAsync(params (HttpClient Who, string Path)[] lists)
    {
        foreach (var (who, path) in lists)
        {
            var body = await Eventually.GetAsync(() => who.GetStringAsync(path), b => !b.Contains(Name, StringComparison.Ordinal), Timeout, $"{path} without the name");
            Assert.DoesNotContain(OrderNote, body, StringComparison.Ordinal);
            Assert.DoesNotContain(VisitNote, body, StringComparison.Ordinal);
        }
    }

    private static async Task AssertRefusedAsync(HttpClient producer, params JsonObject[] events)
    {
        var answer = await Feed.PostAsync(producer, events);
        Assert.Equal(0, answer.GetProperty("accepted").GetInt32());
        var rejected = answer.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(events.Length, rejected.Count);
        Assert.All(rejected, r => Assert.Contains("erased", r.GetProperty("error").GetString(), StringComparison.Ordinal));
    }

    /// <summary>
    /// Neither the name, the notes nor (unless it now belongs to someone else) the number, anywhere in a full dump,
    /// as text or inside the bytes of a grain snapshot. Waits a little for the read-model writer's queue to drain.
    /// </summary>
    private async Task AssertNothingPersonalAsync(bool withNumber)
    {
        string[] secrets = withNumber ? [Name, VisitNote, OrderNote, Msisdn] : [Name, VisitNote, OrderNote];
        // Several dumps a second apart: a line queued before the erasure would show in one of them.
        for (var i = 0; i < 3; i++)
        {
            var dump = await DumpAsync();
            var found = secrets.Where(s => Holds(dump, s)).ToList();
            Assert.True(found.Count == 0, $"the dump still holds: {string.Join(", ", found)}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    // Text columns show the string itself; bytea columns (grain snapshots) its UTF-8 bytes in hex.
    private static bool Holds(string dump, string secret) =>
        dump.Contains(secret, StringComparison.Ordinal)
        || dump.Contains(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret)), StringComparison.Ordinal);

    private async Task<string> DumpAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(_db.ConnectionString);
        var start = new ProcessStartInfo(PgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--host", server.Host!, "--port", server.Port.ToString(), "--username", server.Username!, "--no-password", "--dbname", _db.Name },
        };
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await output;
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call.WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
