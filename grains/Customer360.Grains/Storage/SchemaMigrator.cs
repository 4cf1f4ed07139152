using System.Globalization;
using Customer360.Grains.Storage.Roles;
using Npgsql;

namespace Customer360.Grains.Storage;

/// <summary>
/// Brings a PostgreSQL database to the schema this build expects: the tables and <c>OrleansQuery</c> rows the
/// Orleans AdoNet providers need, and the project's own tables. The scripts are the embedded resources
/// <c>Customer360.Schema.NNN_name.sql</c>, applied once each, in number order, and recorded in
/// <c>c360_schema_version</c>; then the privileges of the application roles (<see cref="DatabaseGrants"/>) are set
/// again, so tables added by this run are covered. Run it as the owner role (<see cref="DatabaseRoleNames.Owner"/>).
/// Safe to run from several processes at the same time.
/// </summary>
public sealed class SchemaMigrator
{
    private const string ResourcePrefix = "Customer360.Schema.";

    // Any constant works as long as nothing else in the database takes the same advisory lock.
    // This one is "C360SCHM" in ASCII.
    private const long MigrationLockKey = 0x4333_3630_5343_484D;

    private const string CreateVersionTableSql = """
        CREATE TABLE IF NOT EXISTS c360_schema_version
        (
            version    int         NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private sealed record Script(int Version, string Name, string Sql);

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> if it does not exist, then applies
    /// every embedded script not yet recorded in it.
    /// </summary>
    /// <returns>The file names of the scripts applied by this call, in order; empty when already current.</returns>
    public static Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken ct = default) =>
        ApplyAsync(connectionString, DatabaseRoleNames.Default, ct);

    /// <summary>As <see cref="ApplyAsync(string, CancellationToken)"/>, granting to the application roles of <paramref name="roles"/>.</summary>
    public static Task<IReadOnlyList<string>> ApplyAsync(string connectionString, DatabaseRoleNames roles, CancellationToken ct = default) =>
        ApplyAsync(connectionString, roles, int.MaxValue, ct);

    /// <summary>
    /// As <see cref="ApplyAsync(string, DatabaseRoleNames, CancellationToken)"/>, stopping after script
    /// <paramref name="throughVersion"/>: how a test makes a database of an earlier release to upgrade.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, DatabaseRoleNames roles, int throughVersion,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = await LoadScriptsAsync(ct);
        await EnsureDatabaseAsync(connectionString, ct);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var applied = new List<string>();
        foreach (var script in scripts.Where(s => s.Version <= throughVersion))
        {
            // One transaction per script, holding the lock while it checks and applies: a silo that waited
            // on the lock re-checks and skips what the other one just applied. A failed script rolls back
            // with its version row, so the next start retries it from a clean state.
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(@key)", ct, ("key", MigrationLockKey));
            await ExecuteAsync(connection, tx, CreateVersionTableSql, ct);
            if (await IsRecordedAsync(connection, tx, script.Version, ct))
            {
                await tx.RollbackAsync(ct);
                continue;
            }

            await ExecuteAsync(connection, tx, script.Sql, ct);
            await ExecuteAsync(connection, tx, "INSERT INTO c360_schema_version (version, name) VALUES (@version, @name)",
                ct, ("version", script.Version), ("name", script.Name));
            await tx.CommitAsync(ct);
            applied.Add(script.Name);
        }

        // Every time, not only when a script ran: a role created after the last migration gets its grants too.
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(@key)", ct, ("key", MigrationLockKey));
            await DatabaseGrants.ApplyAsync(connection, tx, roles, ct);
            await tx.CommitAsync(ct);
        }

        return applied;
    }

    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        // Without a database name the server uses the user's default database, which nothing here can create.
        if (string.IsNullOrEmpty(target.Database))
            return;

        // Try the database itself first, so a deployment that may not touch the maintenance database only
        // needs to once, when the database is really missing.
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(ct);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        // CREATE DATABASE takes no parameters, so the name is quoted as an identifier instead.
        var quoted = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        try
        {
            await ExecuteAsync(connection, null, "CREATE DATABASE " + quoted, ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another silo created it between our probe and this statement.
        }
    }

    private static async Task<bool> IsRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM c360_schema_version WHERE version = @version", connection, tx);
        cmd.Parameters.AddWithValue("version", version);
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql,
        CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        // No timeout: waiting for another silo's migration, or a long index build, is not a failure;
        // the caller's token bounds the wait instead.
        await using var cmd = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<IReadOnlyList<Script>> LoadScriptsAsync(CancellationToken ct)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                continue;

            var name = resource[ResourcePrefix.Length..];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Schema script '{name}' must be named NNN_description.sql.");

            await using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Schema script '{name}' could not be read.");
            using var reader = new StreamReader(stream);
            scripts.Add(new Script(version, name, await reader.ReadToEndAsync(ct)));
        }

        // Two scripts with one number would make "already applied" ambiguous for one of them.
        var clash = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException(
                $"Schema scripts {string.Join(", ", clash.Select(s => s.Name))} share version {clash.Key}.");

        return [.. scripts.OrderBy(s => s.Version)];
    }
}
