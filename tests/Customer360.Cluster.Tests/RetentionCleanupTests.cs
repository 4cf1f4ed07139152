using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Grains.Lists;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The retention job's other steps over a real silo and PostgreSQL: the audit log past <c>Audit:RetentionDays</c>, tier
/// changes past <c>Retention:TierChangesDays</c>, closed accounts' read-model rows past
/// <c>Retention:ClosedAccountRowsDays</c>, and closed accounts past <c>Retention:ErasureAfterClosureDays</c> erased
/// (audited, actor "retention"): afterwards no table holds the erased person's name or number.
/// </summary>
public sealed class RetentionCleanupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";

    // Distinctive enough that finding them in a dump can only mean the person was not erased.
    private const string ErasedName = "Retentionerasable Zhou";
    private const string ErasedMsisdn = "13966601234";

    private static JsonObject Closed(string customerId, DateTimeOffset at) => new()
    {
        ["eventId"] = $"{customerId}-closed",
        ["customerId"] = customerId,
        ["occurredAt"] = at.ToString("O"),
        ["type"] = "account.closed",
        ["payload"] = new JsonObject { ["portedOut"] = false },
    };

    [Fact]
    public async Task old_audit_entries_tier_changes_and_closed_rows_are_removed_and_a_closed_account_past_the_legal_period_is_erased()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cluster = $"cleanup-{Guid.NewGuid():N}";
        var p = $"K{Guid.NewGuid().ToString("N")[..8]}";
        var (recent, erasable, open) = ($"{p}-recent", $"{p}-erasable", $"{p}-open");
        var now = DateTimeOffset.UtcNow;

        await using (var silo = await TestSilo.StartAsync(db, cluster, new Dictionary<string, string?> { ["Retention:FirstRunDelay"] = "1.00:00:00" }))
        {
            await Ingest.Send(silo.Grains, recent, Registered(recent, $"{recent}-reg", msisdn: "13966600001", at: now.AddDays(-200)),
                Closed(recent, now.AddDays(-45))).WaitAsync(Wait);
            await Ingest.Send(silo.Grains, erasable, Registered(erasable, $"{erasable}-reg", msisdn: ErasedMsisdn, name: ErasedName, at: now.AddDays(-200)),
                Closed(erasable, now.AddDays(-120))).WaitAsync(Wait);
            await Ingest.Send(silo.Grains, open, Registered(open, $"{open}-reg", msisdn: "13966600003", at: now.AddDays(-200))).WaitAsync(Wait);

            // Within the default 90 days the closed account's line is in the read model; past them it is not written.
            await Eventually.GetAsync(() => db.ScalarAsync<long>($"select count(*) from c360_customer_index where customer_id in ('{recent}', '{open}')"),
                n => n == 2, Wait, "the lines of the open account and of the one closed 45 days ago");
            await Eventually.GetAsync(() => db.ScalarAsync<long>($"select count(*) from c360_closures where customer_id like '{p}-%'"),
                n => n == 2, Wait, "both closures recorded");
            Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from c360_customer_index where customer_id = '{erasable}'"));
            await silo.StopAsync();
        }
        await db.ExecuteAsync($"""
            insert into c360_audit (at, user_name, role, customer_id, through, kind) values
                (now() - interval '181 days', 'admin', 'admin', '{p}-audit-old', 'GET /api/v1/customers/(test)', 'read'),
                (now() - interval '179 days', 'admin', 'admin', '{p}-audit-kept', 'GET /api/v1/customers/(test)', 'read');
            insert into c360_tier_changes (region, customer_id, change, at) values
                ('north', '{p}-tier-old', '{"{}"}', now() - interval '401 days'),
                ('north', '{p}-tier-kept', '{"{}"}', now() - interval '399 days');
            """);
        Assert.True(Holds(await DumpAsync(db), ErasedName) && Holds(await DumpAsync(db), ErasedMsisdn), "the dump lacks the person before erasure");

        await using (var silo = await TestSilo.StartAsync(db, cluster, new Dictionary<string, string?>
        {
            ["Retention:FirstRunDelay"] = "1.00:00:00",
            ["Retention:ClosedAccountRowsDays"] = "30",
            ["Retention:ErasureAfterClosureDays"] = "100",
        }))
        {
            var report = await silo.Grains.GetGrain<IRetentionGrain>(0).RunNow().WaitAsync(Wait);

            Assert.True(report.Succeeded);
            Assert.Equal((1L, 1L, 1L, 1), (report.AuditEntries, report.TierChanges, report.ClosedRows, report.Erased));
            Assert.Equal((0L, 1L), (await CountAsync(db, "c360_audit", $"{p}-audit-old"), await CountAsync(db, "c360_audit", $"{p}-audit-kept")));
            Assert.Equal((0L, 1L), (await CountAsync(db, "c360_tier_changes", $"{p}-tier-old"), await CountAsync(db, "c360_tier_changes", $"{p}-tier-kept")));
            Assert.Equal((0L, 1L), (await CountAsync(db, "c360_customer_index", recent), await CountAsync(db, "c360_customer_index", open)));

            // The line of the account closed long ago is not written back when its profile offers it again.
            var writer = silo.Services.GetRequiredService<CustomerIndexWriter>();
            var line = await silo.Grains.GetGrain<ICustomerGrain>(recent).GetSummary().WaitAsync(Wait);
            var written = writer.WrittenAsync(recent, line!.Version);
            writer.Upsert(line);
            await written.WaitAsync(Wait);
            Assert.Equal(0L, await CountAsync(db, "c360_customer_index", recent));

            // Erased through the erasure path, audited first with the job as the actor.
            Assert.Null(await silo.Grains.GetGrain<ICustomerGrain>(erasable).GetView("en").WaitAsync(Wait));
            Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from c360_erased where customer_id = '{erasable}'"));
            Assert.Equal(1L, await db.ScalarAsync<long>(
                $"select count(*) from c360_audit where customer_id = '{erasable}' and user_name = 'retention' and kind = 'erasure'"));
            var dump = await DumpAsync(db);
            Assert.False(Holds(dump, ErasedName), "the dump still holds the erased person's name");
            Assert.False(Holds(dump, ErasedMsisdn), "the dump still holds the erased person's number");

            // A second run finds nothing more to do.
            var again = await silo.Grains.GetGrain<IRetentionGrain>(0).RunNow().WaitAsync(Wait);
            Assert.Equal((0L, 0L, 0L, 0), (again.AuditEntries, again.TierChanges, again.ClosedRows, again.Erased));
        }
    }

    private static Task<long> CountAsync(TestDatabase db, string table, string customerId) =>
        db.ScalarAsync<long>($"select count(*) from {table} where customer_id = '{customerId}'");

    private static bool Holds(string dump, string secret) =>
        dump.Contains(secret, StringComparison.Ordinal)
        || dump.Contains(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(secret)), StringComparison.Ordinal);

    private static async Task<string> DumpAsync(TestDatabase db)
    {
        var server = new NpgsqlConnectionStringBuilder(db.ConnectionString);
        var start = new ProcessStartInfo(PgDump)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--host", server.Host!, "--port", server.Port.ToString(), "--username", server.Username!, "--no-password", "--dbname", db.Name },
        };
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Wait);
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await errors}");
        return await output;
    }
}
