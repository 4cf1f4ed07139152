using Customer360.Grains.Storage;
using Customer360.Grains.Storage.Roles;
using Customer360.Testing;
using Npgsql;
using NpgsqlTypes;
using System.Text.RegularExpressions;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Least privilege in PostgreSQL: the roles an install runs as (owner, silo, gateway), what each may and may not do.
/// The rest of the suite runs every silo and gateway under these roles, which proves the grants are enough; these
/// tests prove they are no more than that.
/// </summary>
public sealed class DatabaseRoleTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string InsufficientPrivilege = "42501";

    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task no_role_of_the_install_is_a_superuser_or_may_create_roles_or_databases()
    {
        await using var conn = await OpenAsync(Db.ConnectionString);
        await using var cmd = new NpgsqlCommand("""
            select rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls, rolinherit, rolcanlogin,
                   (select count(*) from pg_auth_members m where m.member = r.oid)
            from pg_roles r where rolname = any(@names) order by rolname
            """, conn);
        cmd.Parameters.AddWithValue("names", Db.Roles.All.ToArray());
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)} super={reader.GetBoolean(1)} createrole={reader.GetBoolean(2)} createdb={reader.GetBoolean(3)} " +
                     $"replication={reader.GetBoolean(4)} bypassrls={reader.GetBoolean(5)} inherit={reader.GetBoolean(6)} " +
                     $"login={reader.GetBoolean(7)} memberships={reader.GetInt64(8)}");
        Assert.Equal(
            Db.Roles.All.Order(StringComparer.Ordinal).Select(r =>
                $"{r} super=False createrole=False createdb=False replication=False bypassrls=False inherit=False login=True memberships=0"),
            rows);
    }

    [Theory]
    [InlineData("insert into c360_journal (customer_id, seq, event_id, type, occurred_at, payload) values ('RG1', 1, 'rg-1', 'data.used', now(), '{}')")]
    [InlineData("update c360_journal set payload = '{}'")]
    [InlineData("delete from c360_journal")]
    [InlineData("truncate c360_journal")]
    [InlineData("insert into c360_msisdn (msisdn, customer_id, since) values ('13800000000', 'RG1', now())")]
    [InlineData("update c360_customer_index set tier = 'vip'")]
    [InlineData("select count(*) from c360_grain_state")]
    [InlineData("update orleansquery set querytext = ''")]
    [InlineData("insert into c360_membership_version (deployment_id) values ('rogue')")]
    public async Task the_gateway_role_cannot_write_the_journal_nor_touch_what_only_the_silo_needs(string sql)
    {
        await AssertDeniedAsync(Db.GatewayConnectionString, sql);
    }

    [Fact]
    public async Task the_gateway_role_cannot_copy_into_the_journal()
    {
        await using var conn = await OpenAsync(Db.GatewayConnectionString);
        var e = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var writer = await conn.BeginBinaryImportAsync("copy c360_journal (customer_id, seq, event_id, type, occurred_at, payload) from stdin (format binary)");
            await writer.CompleteAsync();
        });
        Assert.Equal(InsufficientPrivilege, e.SqlState);
    }

    [Theory]
    [InlineData("update c360_audit set detail = 'changed'")]
    [InlineData("delete from c360_audit")]
    [InlineData("truncate c360_audit")]
    public async Task no_application_role_can_update_delete_or_truncate_audit_rows(string sql)
    {
        var through = $"roles-{Guid.NewGuid():N}";
        await ExecuteAsync(Db.GatewayConnectionString,
            $"insert into c360_audit (at, user_name, role, customer_id, through) values (now(), 'admin', 'admin', '', '{through}')");

        await AssertDeniedAsync(Db.GatewayConnectionString, sql);
        await AssertDeniedAsync(Db.SiloConnectionString, sql);
        Assert.Equal(1L, await Db.ScalarAsync<long>($"select count(*) from c360_audit where through = '{through}' and detail is null"));
    }

    [Fact]
    public async Task the_silo_role_cannot_read_or_write_the_audit_log()
    {
        await AssertDeniedAsync(Db.SiloConnectionString, "select count(*) from c360_audit");
        await AssertDeniedAsync(Db.SiloConnectionString,
            "insert into c360_audit (at, user_name, role, customer_id, through) values (now(), 'silo', 'admin', '', 'forged')");
    }

    [Theory]
    [InlineData("create table c360_rogue (id int)")]
    [InlineData("create temporary table c360_rogue (id int)")]
    [InlineData("create view c360_rogue as select 1 as one")]
    [InlineData("create function c360_rogue() returns int language sql as 'select 1'")]
    [InlineData("alter table c360_journal add column rogue int")]
    [InlineData("drop table c360_customer_index")]
    [InlineData("create index ix_rogue on c360_journal (type)")]
    public async Task the_application_roles_cannot_change_the_schema(string sql)
    {
        await AssertDeniedAsync(Db.SiloConnectionString, sql);
        await AssertDeniedAsync(Db.GatewayConnectionString, sql);
    }

    [Fact]
    public async Task the_gateway_role_can_do_what_the_gateway_does()
    {
        await using var conn = await OpenAsync(Db.GatewayConnectionString);
        // As an Orleans client: its providers' SQL, and the gateway list query they run.
        await ExecuteAsync(conn, "select querykey, querytext from orleansquery");
        Assert.Null((await TryStoredQueryAsync(conn, "GatewaysQueryKey"))?.MessageText);
        // Search and timeline read the read model and the journal.
        await ExecuteAsync(conn, "select summary, count(*) over () from c360_customer_index where region = 'north' limit 10");
        await ExecuteAsync(conn, "select seq, event_id, type, occurred_at, payload from c360_journal where customer_id = 'RG1' order by seq desc limit 10");
        // The audit log: append (a serial id) and read back.
        var through = $"roles-{Guid.NewGuid():N}";
        await ExecuteAsync(conn, $"""
            insert into c360_audit (at, user_name, role, customer_id, through, detail)
            select * from unnest(array[now()], array['admin'], array['admin'], array['C1'], array['{through}'], array[null::text])
            """);
        await using var read = new NpgsqlCommand($"select count(*) from c360_audit where through = '{through}'", conn);
        Assert.Equal(1L, await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task every_query_the_orleans_providers_run_is_allowed_to_the_silo_role()
    {
        await using var conn = await OpenAsync(Db.SiloConnectionString);
        var keys = new List<string>();
        await using (var cmd = new NpgsqlCommand("select querykey from orleansquery order by querykey", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.NotEmpty(keys);

        // Each in a transaction that is rolled back: privileges are checked when a statement starts, rows or not.
        var failures = new List<string>();
        foreach (var key in keys.Except(NotForRunningSilos))
            if (await TryStoredQueryAsync(conn, key) is { } e) failures.Add($"{key}: {e.SqlState} {e.MessageText}");
        Assert.Empty(failures);
        foreach (var key in NotForRunningSilos)
            Assert.Equal(InsufficientPrivilege, (await TryStoredQueryAsync(conn, key))?.SqlState);
    }

    // Deleting a whole cluster's membership is for tooling, which Orleans never does from a running silo; deleting
    // grain state only happens with DeleteStateOnClear, which is off. The silo role may do neither.
    private static readonly string[] NotForRunningSilos = ["DeleteMembershipTableEntriesKey", "DeleteStorageKey"];

    [Fact]
    public async Task every_table_of_the_schema_has_a_grants_decision()
    {
        await using var conn = await OpenAsync(Db.ConnectionString);
        await using var cmd = new NpgsqlCommand("""
            select c.relname from pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm') and not c.relispartition
            order by 1
            """, conn);
        var tables = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var decided = DatabaseGrants.Tables.Select(g => g.Table).Concat(DatabaseGrants.OwnerOnlyTables).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("c360_journal", tables);
        var undecided = tables.Where(t => !decided.Contains(t)).ToList();
        Assert.True(undecided.Count == 0, $"Tables with no entry in DatabaseGrants: {string.Join(", ", undecided)}");
    }

    [Fact]
    public async Task every_function_of_the_schema_has_a_grants_decision()
    {
        await using var conn = await OpenAsync(Db.ConnectionString);
        await using var cmd = new NpgsqlCommand("""
            select p.oid::regprocedure::text from pg_proc p
            where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p') and p.prorettype <> 'trigger'::regtype
              and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
            """, conn);
        var functions = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) functions.Add(reader.GetString(0));

        // Signatures as PostgreSQL prints them (integer, not int), to compare like with like.
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var signature in DatabaseGrants.Functions.Select(f => f.Signature).Concat(DatabaseGrants.OwnerOnlyFunctions))
            if (await ScalarAsync(Db.ConnectionString, $"select to_regprocedure('{signature}')::text") is string known) decided.Add(known);
        Assert.Contains(functions, f => f.StartsWith("c360_write_grain_state(", StringComparison.Ordinal));
        var undecided = functions.Where(f => !decided.Contains(f)).ToList();
        Assert.True(undecided.Count == 0, $"Functions with no entry in DatabaseGrants: {string.Join(", ", undecided)}");
    }

    [Fact]
    public async Task tables_and_functions_made_after_a_migration_are_granted_by_the_next_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Stand-ins for tables and functions other scripts create (kept as they are when those scripts exist), made as
        // if after the last migration: without the grants of the application roles.
        await ExecuteAsync(db.OwnerConnectionString, """
            create table if not exists c360_users (id bigserial primary key, user_name text not null);
            create table if not exists c360_rules_history (id bigserial primary key, at timestamptz not null);
            do $$ begin
                if to_regprocedure('c360_prune_audit(int)') is null then
                    create function c360_prune_audit(days int) returns bigint language sql security definer
                        as 'select 0::bigint';
                end if;
            end $$;
            revoke all on c360_users, c360_rules_history from c360_gateway, c360_silo;
            revoke all on function c360_prune_audit(int) from c360_silo;
            """);
        Assert.False(await CanAsync(db, "has_table_privilege('c360_gateway', 'c360_users', 'SELECT')"));

        await SchemaMigrator.ApplyAsync(db.OwnerConnectionString, db.Roles);

        Assert.True(await CanAsync(db, "has_table_privilege('c360_gateway', 'c360_users', 'SELECT, INSERT, UPDATE')"));
        Assert.False(await CanAsync(db, "has_table_privilege('c360_gateway', 'c360_users', 'DELETE')"));
        Assert.False(await CanAsync(db, "has_table_privilege('c360_silo', 'c360_users', 'SELECT')"));
        Assert.True(await CanAsync(db, "has_table_privilege('c360_gateway', 'c360_rules_history', 'SELECT, INSERT')"));
        Assert.True(await CanAsync(db, "has_table_privilege('c360_silo', 'c360_rules_history', 'SELECT, INSERT')"));
        Assert.False(await CanAsync(db, "has_table_privilege('c360_gateway', 'c360_rules_history', 'UPDATE')"));
        Assert.False(await CanAsync(db, "has_table_privilege('c360_silo', 'c360_rules_history', 'DELETE')"));
        Assert.True(await CanAsync(db, """
            coalesce((select bool_and(has_sequence_privilege('c360_gateway', s.oid, 'USAGE'))
                      from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
                      where d.refobjid = 'c360_users'::regclass and d.deptype in ('a', 'i')), true)
            """));
        // The retention job, in the silo, prunes the log (issue 14); the gateway no longer may.
        Assert.True(await CanAsync(db, "has_function_privilege('c360_silo', 'c360_prune_audit(int)', 'EXECUTE')"));
        // The gateway would have it through PUBLIC, which functions are executable by unless revoked.
        Assert.False(await CanAsync(db, "has_function_privilege('c360_gateway', 'c360_prune_audit(int)', 'EXECUTE')"));
    }

    [Fact]
    public async Task an_install_that_ran_as_the_superuser_is_handed_over_to_the_owner_role()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.ServerVariable)
            ?? throw new InvalidOperationException($"{TestDatabase.ServerVariable} is not set; run ./test.sh");
        var name = $"c360_test_{Guid.NewGuid():N}";
        var legacy = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            // Before roles: the database and every table made by the superuser, as run.sh did.
            await SchemaMigrator.ApplyAsync(legacy);
            await using var fresh = await TestDatabase.CreateAsync(); // makes sure the roles exist on this server
            var roles = fresh.Roles;

            await DatabaseRoleSetup.PrepareDatabaseAsync(server, name, roles);

            await using var conn = await OpenAsync(legacy);
            await using var foreign = new NpgsqlCommand("""
                select count(*) from pg_class c
                where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'S')
                  and c.relowner <> (select oid from pg_roles where rolname = @owner)
                """, conn);
            foreign.Parameters.AddWithValue("owner", roles.Owner);
            Assert.Equal(0L, await foreign.ExecuteScalarAsync());
            await using var publicConnect = new NpgsqlCommand(
                "select count(*) from pg_database d, aclexplode(d.datacl) a where d.datname = current_database() and a.grantee = 0", conn);
            Assert.Equal(0L, await publicConnect.ExecuteScalarAsync());

            // The owner can now migrate it, and the gateway works on it under its grants.
            var owner = new NpgsqlConnectionStringBuilder(fresh.OwnerConnectionString) { Database = name }.ConnectionString;
            var gateway = new NpgsqlConnectionStringBuilder(fresh.GatewayConnectionString) { Database = name }.ConnectionString;
            await SchemaMigrator.ApplyAsync(owner, roles);
            await ExecuteAsync(gateway, "select count(*) from c360_customer_index");
            await AssertDeniedAsync(gateway, "delete from c360_journal");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"drop database if exists \"{name}\" with (force)");
        }
    }

    [Fact]
    public async Task a_new_role_without_a_password_is_refused_with_the_setting_to_set()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.ServerVariable)
            ?? throw new InvalidOperationException($"{TestDatabase.ServerVariable} is not set; run ./test.sh");
        var roles = DatabaseRoleNames.FromPrefix($"c360x{Guid.NewGuid():N}"[..20]);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseRoleSetup.EnsureRolesAsync(server, roles, new DatabaseRolePasswords(null, "s", "g")));
        Assert.Contains("Database:Passwords:Owner", e.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(server, $"select count(*) from pg_roles where rolname like '{roles.Owner[..^6]}%'"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C360")]
    [InlineData("c360-prod")]
    [InlineData("1c360")]
    [InlineData("c360; drop table x")]
    public void a_bad_role_prefix_is_refused_naming_the_setting(string prefix)
    {
        var e = Assert.Throws<InvalidOperationException>(() => DatabaseRoleNames.FromPrefix(prefix));
        Assert.Contains("Database:RolePrefix", e.Message, StringComparison.Ordinal);
    }

    // Sample values by parameter name, typed as the Orleans AdoNet providers send them.
    private static readonly Dictionary<string, (NpgsqlDbType Type, object Value)> OrleansParameters = new(StringComparer.Ordinal)
    {
        ["DeploymentId"] = (NpgsqlDbType.Text, "roles-test"),
        ["ServiceId"] = (NpgsqlDbType.Text, "roles-test"),
        ["Version"] = (NpgsqlDbType.Integer, 0),
        ["Address"] = (NpgsqlDbType.Text, "127.0.0.1"),
        ["Port"] = (NpgsqlDbType.Integer, 1),
        ["Generation"] = (NpgsqlDbType.Integer, 1),
        ["SiloName"] = (NpgsqlDbType.Text, "s"),
        ["HostName"] = (NpgsqlDbType.Text, "h"),
        ["Status"] = (NpgsqlDbType.Integer, 3),
        ["ProxyPort"] = (NpgsqlDbType.Integer, 2),
        ["SuspectTimes"] = (NpgsqlDbType.Text, DBNull.Value),
        ["StartTime"] = (NpgsqlDbType.TimestampTz, DateTime.UtcNow),
        ["IAmAliveTime"] = (NpgsqlDbType.TimestampTz, DateTime.UtcNow),
        ["GrainIdHash"] = (NpgsqlDbType.Integer, 1),
        ["GrainIdN0"] = (NpgsqlDbType.Bigint, 1L),
        ["GrainIdN1"] = (NpgsqlDbType.Bigint, 1L),
        ["GrainTypeHash"] = (NpgsqlDbType.Integer, 1),
        ["GrainTypeString"] = (NpgsqlDbType.Text, "t"),
        ["GrainIdExtensionString"] = (NpgsqlDbType.Text, DBNull.Value),
        ["GrainStateVersion"] = (NpgsqlDbType.Integer, DBNull.Value),
        ["PayloadBinary"] = (NpgsqlDbType.Bytea, new byte[] { 1 }),
        ["GrainId"] = (NpgsqlDbType.Text, "g"),
        ["ReminderName"] = (NpgsqlDbType.Text, "r"),
        ["Period"] = (NpgsqlDbType.Bigint, 60_000L),
        ["GrainHash"] = (NpgsqlDbType.Integer, 1),
        ["BeginHash"] = (NpgsqlDbType.Integer, 0),
        ["EndHash"] = (NpgsqlDbType.Integer, 10),
    };

    private static async Task<PostgresException?> TryStoredQueryAsync(NpgsqlConnection conn, string key)
    {
        string text;
        await using (var load = new NpgsqlCommand("select querytext from orleansquery where querykey = @key", conn))
        {
            load.Parameters.AddWithValue("key", key);
            text = (string)(await load.ExecuteScalarAsync())!;
        }
        await using var tx = await conn.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(text, conn, tx);
        foreach (var (name, (type, value)) in OrleansParameters)
            if (Regex.IsMatch(text, "@" + name + @"\b"))
                cmd.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        try
        {
            await cmd.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e;
        }
        finally
        {
            await tx.RollbackAsync();
        }
    }

    private static async Task<bool> CanAsync(TestDatabase db, string expression) =>
        (bool)(await ScalarAsync(db.ConnectionString, "select " + expression))!;

    private static async Task AssertDeniedAsync(string connectionString, string sql)
    {
        await using var conn = await OpenAsync(connectionString);
        var e = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(conn, sql));
        Assert.Equal(InsufficientPrivilege, e.SqlState);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = await OpenAsync(connectionString);
        await ExecuteAsync(conn, sql);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var conn = await OpenAsync(connectionString);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }
}
