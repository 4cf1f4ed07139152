using Npgsql;

namespace Customer360.Grains.Storage.Roles;

/// <summary>
/// What the silo and the gateway may do in the database, table by table: exactly what the statements they run
/// need, and nothing else. <see cref="SchemaMigrator"/> applies this after the numbered scripts, every time, as the
/// owner: it first takes back every privilege the application roles hold on the owner's objects, then grants the
/// list, so the database always matches it. A table (or function) not created yet is skipped, and granted by the
/// first migration after the script that creates it. Every table and function of the schema must appear here or in
/// <see cref="OwnerOnlyTables"/> / <see cref="OwnerOnlyFunctions"/> (a test checks), so a new one is never forgotten.
/// </summary>
public static class DatabaseGrants
{
    /// <summary>Per table, per role; a sequence behind a serial column goes with INSERT on its table.</summary>
    public static IReadOnlyList<TableGrant> Tables { get; } =
    [
        // The providers read their SQL at start (SELECT QueryKey, QueryText FROM OrleansQuery); only migrations write it.
        new("orleansquery", DatabaseRole.Silo, "SELECT"),
        new("orleansquery", DatabaseRole.Gateway, "SELECT"),

        // Membership (002): silos join, vote, heartbeat and clean up dead entries (CleanupDefunctSilo*: DELETE on
        // members only; the version row is never deleted by a running silo). The gateway is an Orleans client:
        // it only reads the gateway list (GatewaysQueryKey).
        new("c360_membership_version", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),
        new("c360_membership", DatabaseRole.Silo, "SELECT, INSERT, UPDATE, DELETE"),
        new("c360_membership_version", DatabaseRole.Gateway, "SELECT"),
        new("c360_membership", DatabaseRole.Gateway, "SELECT"),

        // Grain state (003): written through c360_write_grain_state (security invoker) and ClearStorageKey, which
        // keeps the row; DeleteStateOnClear is off, so no DELETE.
        new("c360_grain_state", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),

        // Reminders (004): upsert, read, and delete of an unregistered reminder.
        new("c360_reminders", DatabaseRole.Silo, "SELECT, INSERT, UPDATE, DELETE"),

        // The journal is append-only: the silo appends (COPY or INSERT … ON CONFLICT … RETURNING, which needs
        // SELECT) and replays; the gateway reads the timeline. Nobody updates or deletes it.
        new("c360_journal", DatabaseRole.Silo, "SELECT, INSERT"),
        new("c360_journal", DatabaseRole.Gateway, "SELECT"),
        // The keys of the partitioned journal (014): written by the same append; ON CONFLICT needs SELECT.
        new("c360_journal_ids", DatabaseRole.Silo, "SELECT, INSERT"),
        // Retention (014): how far each stored snapshot reaches, and when accounts closed, both written by the silo.
        new("c360_snapshot_marks", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),
        new("c360_closures", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),

        // The MSISDN index, kept by the journal's append (ON CONFLICT DO UPDATE) and read by MsisdnDirectoryGrain.
        new("c360_msisdn", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),

        // The read model (008): the silo's CustomerIndexWriter upserts it and lists rebuild from it; the gateway's
        // search reads it. Tier changes are appended by the silo and read back by the tier boards.
        new("c360_customer_index", DatabaseRole.Silo, "SELECT, INSERT, UPDATE"),
        new("c360_customer_index", DatabaseRole.Gateway, "SELECT"),
        new("c360_tier_changes", DatabaseRole.Silo, "SELECT, INSERT"),

        // The audit log: the gateway writes entries and answers the administrator's questions. No application
        // role may change or remove an entry; retention goes through c360_prune_audit (security definer).
        new("c360_audit", DatabaseRole.Gateway, "SELECT, INSERT"),

        // Users (010): the gateway signs people in and administers accounts.
        new("c360_users", DatabaseRole.Gateway, "SELECT, INSERT, UPDATE"),

        // Rules history (012): written where rules change, read for GET /api/v1/rules/history.
        new("c360_rules_history", DatabaseRole.Gateway, "SELECT, INSERT"),
        new("c360_rules_history", DatabaseRole.Silo, "SELECT, INSERT"),

        // Erasure (013): the silo's read-model writer skips erased ids; the gateway answers 410 for them. Rows are
        // only written by c360_erase_customer (security definer).
        new("c360_erased", DatabaseRole.Silo, "SELECT"),
        new("c360_erased", DatabaseRole.Gateway, "SELECT"),
    ];

    /// <summary>Functions an application role may call; every other function of the schema is the owner's alone.</summary>
    public static IReadOnlyList<FunctionGrant> Functions { get; } =
    [
        new("c360_write_grain_state(int, bigint, bigint, int, text, text, text, int, bytea)", DatabaseRole.Silo),
        // Retention runs in the silo (one job per cluster): audit log, journal partitions, tier changes, closed rows.
        new("c360_prune_audit(int)", DatabaseRole.Silo),
        new("c360_ensure_journal_partitions(timestamptz[])", DatabaseRole.Silo),
        new("c360_drop_journal_partition(timestamptz, int)", DatabaseRole.Silo),
        new("c360_journal_partitions()", DatabaseRole.Silo),
        new("c360_prune_tier_changes(int, int)", DatabaseRole.Silo),
        new("c360_prune_closed_rows(int, int)", DatabaseRole.Silo),
        // The one audit entry the silo may write: its erasure of a closed account (actor "retention"), before it erases.
        new("c360_audit_retention_erasure(text, text)", DatabaseRole.Silo),
        // Erasure (013): blanks one customer's journal payloads and index entries and leaves the tombstone; the
        // customer grain calls it, so only the silo may.
        new("c360_erase_customer(text)", DatabaseRole.Silo),
    ];

    /// <summary>Tables no application role touches.</summary>
    public static IReadOnlyList<string> OwnerOnlyTables { get; } = ["c360_schema_version"];

    /// <summary>
    /// Functions (by signature) no application role calls directly, e.g. a helper of a security-definer function.
    /// Trigger functions need no entry: PostgreSQL checks EXECUTE on them only when the owner creates the trigger.
    /// </summary>
    public static IReadOnlyList<string> OwnerOnlyFunctions { get; } = ["c360_erasure_scrub(jsonb)", "c360_create_journal_partition(timestamptz)"];

    /// <summary>
    /// Takes back every privilege PUBLIC and <paramref name="roles"/>' application roles hold on the objects of the
    /// current schema that the connected role owns, then grants <see cref="Tables"/> and <see cref="Functions"/> to
    /// those of the application roles that exist (none, in a database used without them).
    /// </summary>
    internal static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DatabaseRoleNames roles, CancellationToken ct)
    {
        var existing = await ExistingRolesAsync(connection, tx, roles, ct);
        var grantees = string.Join("", existing.Order(StringComparer.Ordinal).Select(r => ", " + SqlIdentifier.Quote(r)));

        var statements = new List<string>
        {
            // Functions are executable by PUBLIC unless said otherwise: the owner's future ones are not.
            "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
        };
        foreach (var (name, kind) in await OwnedObjectsAsync(connection, tx, ct))
        {
            statements.Add(kind switch
            {
                'S' => $"REVOKE ALL ON SEQUENCE {name} FROM PUBLIC{grantees}",
                'f' => $"REVOKE ALL ON ROUTINE {name} FROM PUBLIC{grantees}",
                _ => $"REVOKE ALL ON TABLE {name} FROM PUBLIC{grantees}",
            });
        }

        foreach (var grant in Tables)
        {
            var role = roles.NameOf(grant.Role);
            if (!existing.Contains(role)) continue;
            var table = await ResolveAsync(connection, tx, "to_regclass", grant.Table, ct);
            if (table is null) continue;
            statements.Add($"GRANT {grant.Privileges} ON TABLE {table} TO {SqlIdentifier.Quote(role)}");
            if (grant.Privileges.Contains("INSERT", StringComparison.Ordinal))
                foreach (var sequence in await SequencesOfAsync(connection, tx, table, ct))
                    statements.Add($"GRANT USAGE ON SEQUENCE {sequence} TO {SqlIdentifier.Quote(role)}");
        }

        foreach (var grant in Functions)
        {
            var role = roles.NameOf(grant.Role);
            if (!existing.Contains(role)) continue;
            var function = await ResolveAsync(connection, tx, "to_regprocedure", grant.Signature, ct);
            if (function is null) continue;
            statements.Add($"GRANT EXECUTE ON ROUTINE {function} TO {SqlIdentifier.Quote(role)}");
        }

        // One round trip; the caller's transaction makes the revoke-then-grant invisible to running sessions.
        await using var cmd = new NpgsqlCommand(string.Join(";\n", statements), connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Which of <paramref name="roles"/>' application roles exist on the server of <paramref name="connectionString"/>:
    /// the ones a migration grants to. None means the prefix (<c>Database:RolePrefix</c>) differs from the one the
    /// roles were created with, or they were never created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> GranteesAsync(string connectionString, DatabaseRoleNames roles, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        return [.. (await ExistingRolesAsync(connection, tx, roles, ct)).Order(StringComparer.Ordinal)];
    }

    private static async Task<HashSet<string>> ExistingRolesAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        DatabaseRoleNames roles, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select rolname from pg_roles where rolname = any(@names)", connection, tx);
        cmd.Parameters.AddWithValue("names", roles.Applications.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    // Relations and routines of the current schema that the connected role owns (or may act as the owner of),
    // leaving out what belongs to an extension. The names come back quoted as needed by regclass/regprocedure.
    private const string OwnedObjectsSql = """
        select c.oid::regclass::text, case c.relkind when 'S' then 'S' else 'r' end
        from pg_class c
        where c.relnamespace = (select oid from pg_namespace where nspname = current_schema())
          and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
          and pg_has_role(c.relowner, 'USAGE')
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
        union all
        select p.oid::regprocedure::text, 'f'
        from pg_proc p
        where p.pronamespace = (select oid from pg_namespace where nspname = current_schema())
          and p.prokind in ('f', 'p')
          and pg_has_role(p.proowner, 'USAGE')
          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        """;

    private static async Task<List<(string Name, char Kind)>> OwnedObjectsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(OwnedObjectsSql, connection, tx);
        var found = new List<(string, char)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetString(1)[0]));
        return found;
    }

    // to_regclass / to_regprocedure give NULL for an object that does not exist (yet), and otherwise its name as
    // it must be written in a statement.
    private static async Task<string?> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string function, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {function}(@name)::text", connection, tx);
        cmd.Parameters.AddWithValue("name", name);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    // The sequences a serial or identity column of the table draws from.
    private static async Task<List<string>> SequencesOfAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select s.oid::regclass::text
            from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
            where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
              and d.refobjid = @table::regclass and d.deptype in ('a', 'i')
            """, connection, tx);
        cmd.Parameters.AddWithValue("table", table);
        var found = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }
}
