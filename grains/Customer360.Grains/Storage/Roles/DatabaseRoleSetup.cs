using Npgsql;

namespace Customer360.Grains.Storage.Roles;

/// <summary>
/// What a database administrator does once per install, before the first migration: the three roles (none a
/// superuser, none able to create roles or databases), and the database, owned by the owner role, that only the
/// application roles may connect to. Run with an administrator's connection (a superuser, or a role with
/// CREATEROLE and CREATEDB that may act as the owner role), by <c>Customer360.Silo create-roles</c>, by
/// <c>./run.sh</c> and by the tests. Idempotent: re-running it changes passwords given and nothing else.
/// </summary>
public static class DatabaseRoleSetup
{
    // Roles are server-wide: two callers creating the same role at once would fail one of them. Advisory locks are
    // per database, so every caller takes this one in the maintenance database "postgres". "C360ROLE" in ASCII.
    private const long RolesLockKey = 0x4333_3630_524F_4C45;

    private const string MaintenanceDatabase = "postgres";

    // LOGIN with nothing else: NOINHERIT as well, so a membership granted to the role later by mistake gives it
    // nothing without an explicit SET ROLE.
    private const string Attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";

    /// <summary>
    /// Creates the roles that are missing and sets the attributes (and passwords given) of all three. The
    /// administrator's connection string is used on the maintenance database <c>postgres</c>, whatever it names.
    /// </summary>
    public static async Task EnsureRolesAsync(string adminConnectionString, DatabaseRoleNames roles,
        DatabaseRolePasswords passwords, CancellationToken ct = default)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = MaintenanceDatabase, Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({RolesLockKey})", ct);
        foreach (var (role, password, setting) in new[]
                 {
                     (roles.Owner, passwords.Owner, DatabaseRolePasswords.OwnerSetting),
                     (roles.Silo, passwords.Silo, DatabaseRolePasswords.SiloSetting),
                     (roles.Gateway, passwords.Gateway, DatabaseRolePasswords.GatewaySetting),
                 })
        {
            var exists = await ScalarAsync(connection, tx, "select 1 from pg_roles where rolname = @name", ct, ("name", role)) is not null;
            if (!exists && string.IsNullOrEmpty(password))
                throw new InvalidOperationException($"{setting} is not set: role {role} does not exist yet and needs a password.");
            string secret;
            try
            {
                secret = string.IsNullOrEmpty(password) ? "" : $" PASSWORD '{ScramVerifier.Compute(password)}'";
            }
            catch (ArgumentException)
            {
                throw new InvalidOperationException($"{setting} must be printable ASCII (letters, digits, punctuation).");
            }
            await ExecuteAsync(connection, tx, $"{(exists ? "ALTER" : "CREATE")} ROLE {SqlIdentifier.Quote(role)} {Attributes}{secret}", ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Creates <paramref name="database"/> owned by the owner role, or hands an existing one and the project's objects
    /// in it (an install that ran as a superuser so far) over to it; then lets only the application roles connect,
    /// and nobody but the owner create objects.
    /// </summary>
    public static async Task PrepareDatabaseAsync(string adminConnectionString, string database, DatabaseRoleNames roles, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        var db = SqlIdentifier.Quote(database);
        var owner = SqlIdentifier.Quote(roles.Owner);
        var applications = string.Join(", ", roles.Applications.Select(SqlIdentifier.Quote));

        await using (var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = MaintenanceDatabase }.ConnectionString))
        {
            await maintenance.OpenAsync(ct);
            var exists = await ScalarAsync(maintenance, null, "select 1 from pg_database where datname = @name", ct, ("name", database)) is not null;
            try
            {
                await ExecuteAsync(maintenance, null, exists ? $"ALTER DATABASE {db} OWNER TO {owner}" : $"CREATE DATABASE {db} OWNER {owner}", ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created by someone else since the check: hand it over like an existing one.
                await ExecuteAsync(maintenance, null, $"ALTER DATABASE {db} OWNER TO {owner}", ct);
            }
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var statements = new List<string>
        {
            // PUBLIC may connect and make temporary tables by default; here only the application roles connect.
            $"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
            $"GRANT CONNECT ON DATABASE {db} TO {applications}",
            // PostgreSQL 15 no longer lets PUBLIC create in schema public; older servers did, and a DBA may have.
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            $"GRANT USAGE ON SCHEMA public TO {applications}",
            $"GRANT USAGE, CREATE ON SCHEMA public TO {owner}",
        };
        statements.AddRange(await HandOverAsync(connection, tx, roles.Owner, ct));
        await ExecuteAsync(connection, tx, string.Join(";\n", statements), ct);
        await tx.CommitAsync(ct);
    }

    // The project's objects in schema public that another role owns (tables made by migrations that ran as a
    // superuser) become the owner's, so its migrations can alter them and its grants cover them. A sequence that
    // belongs to a column moves with its table; what belongs to an extension stays.
    private const string ForeignObjectsSql = """
        select format('ALTER TABLE %s OWNER TO %I', c.oid::regclass, @owner)
        from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
          and c.relowner <> (select oid from pg_roles where rolname = @owner)
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
        union all
        select format('ALTER SEQUENCE %s OWNER TO %I', c.oid::regclass, @owner)
        from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
          and c.relowner <> (select oid from pg_roles where rolname = @owner)
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('e', 'a', 'i'))
        union all
        select format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, @owner)
        from pg_proc p
        where p.pronamespace = 'public'::regnamespace and p.prokind in ('f', 'p')
          and p.proowner <> (select oid from pg_roles where rolname = @owner)
          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        """;

    private static async Task<List<string>> HandOverAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string owner, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(ForeignObjectsSql, connection, tx);
        cmd.Parameters.AddWithValue("owner", owner);
        var statements = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) statements.Add(reader.GetString(0));
        return statements;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
