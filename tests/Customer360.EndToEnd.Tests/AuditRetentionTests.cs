using Customer360.Grains.Retention;
using Customer360.Testing;
using Npgsql;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Audit retention (Audit:RetentionDays) through <c>c360_prune_audit</c>, against a real PostgreSQL. The silo's
/// retention job calls it (RetentionTests runs the job); these check the function as the silo's role reaches it.
/// </summary>
public sealed class AuditRetentionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static async Task InsertAsync(TestDatabase db, string customerId, int daysAgo) =>
        await db.ExecuteAsync($"""
            insert into c360_audit (at, user_name, role, customer_id, through, kind)
            values (now() - interval '{daysAgo} days', 'admin', 'admin', '{customerId}', 'GET /api/v1/customers/(test row)', 'read')
            """);

    private static Task<long> CountAsync(TestDatabase db, string customerId) =>
        db.ScalarAsync<long>($"select count(*) from c360_audit where customer_id = '{customerId}'");

    [Fact]
    public async Task pruning_deletes_only_entries_older_than_the_retention()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.SiloConnectionString);
        await InsertAsync(db, "RT-OLD", daysAgo: 91);
        await InsertAsync(db, "RT-KEPT", daysAgo: 89);
        await InsertAsync(db, "RT-NEW", daysAgo: 0);

        Assert.Equal(1, await new RetentionStore(source).PruneAuditAsync(90, CancellationToken.None).WaitAsync(Wait));

        Assert.Equal((0, 1, 1), (await CountAsync(db, "RT-OLD"), await CountAsync(db, "RT-KEPT"), await CountAsync(db, "RT-NEW")));
    }

    [Theory]
    [InlineData(29)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task the_prune_function_refuses_a_retention_under_30_days_and_deletes_nothing(int days)
    {
        await using var db = await TestDatabase.CreateAsync();
        await InsertAsync(db, "RT-31", daysAgo: 31);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => db.ScalarAsync<long>($"select c360_prune_audit({days})"));

        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, refused.SqlState);
        Assert.Contains("at least 30", refused.MessageText);
        Assert.Equal(1, await CountAsync(db, "RT-31"));
    }

    [Fact]
    public async Task the_prune_function_runs_as_its_owner_so_a_role_that_may_not_delete_audit_rows_can_still_prune()
    {
        await using var db = await TestDatabase.CreateAsync();
        await InsertAsync(db, "RT-ROLE", daysAgo: 200);
        var role = $"rt_{Guid.NewGuid():N}"[..20];
        await db.ExecuteAsync($"create role {role} nologin; grant select, insert on c360_audit to {role}; grant execute on function c360_prune_audit(int) to {role}");
        try
        {
            await using var conn = new NpgsqlConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using (var set = new NpgsqlCommand($"set role {role}", conn)) await set.ExecuteNonQueryAsync();
            await using (var delete = new NpgsqlCommand("delete from c360_audit", conn))
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).SqlState);
            await using (var prune = new NpgsqlCommand("select c360_prune_audit(180)", conn))
                Assert.Equal(1L, await prune.ExecuteScalarAsync());
        }
        finally
        {
            await db.ExecuteAsync($"drop owned by {role}; drop role {role}");
        }
    }
}
