using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Customer360.Grains.Storage;
using Customer360.Grains.Storage.Roles;
using Npgsql;

namespace Customer360.Testing;

/// <summary>
/// A fresh database on the PostgreSQL server the test command started (env <c>C360_TEST_PG</c>), with the
/// schema applied. Tests never mock the database and never skip silently: without the server they fail.
/// It is set up as an install is: the roles of <see cref="Roles"/> (made once per server), the database owned by
/// the owner role, the schema migrated as the owner. Silos and gateways connect with <see cref="SiloConnectionString"/>
/// and <see cref="GatewayConnectionString"/>, so every test proves those roles' grants suffice.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "C360_TEST_PG";

    private readonly string _server;

    public string Name { get; }

    /// <summary>The superuser on this database: for tests that look into or change data behind the system's back.</summary>
    public string ConnectionString { get; }

    /// <summary>The roles of this test server: <c>c360_owner</c>, <c>c360_silo</c>, <c>c360_gateway</c>.</summary>
    public DatabaseRoleNames Roles { get; } = DatabaseRoleNames.Default;

    /// <summary>The owner role, which migrations run as.</summary>
    public string OwnerConnectionString { get; }

    /// <summary>What a silo connects as.</summary>
    public string SiloConnectionString { get; }

    /// <summary>What a gateway (or another Orleans client) connects as.</summary>
    public string GatewayConnectionString { get; }

    // Roles are server-wide: made once per server and test process (DatabaseRoleSetup serialises test processes).
    private static readonly ConcurrentDictionary<string, Lazy<Task>> RolesMade = new();

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        OwnerConnectionString = As(server, name, Roles.Owner);
        SiloConnectionString = As(server, name, Roles.Silo);
        GatewayConnectionString = As(server, name, Roles.Gateway);
    }

    private static string As(string server, string database, string role) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, Username = role, Password = PasswordOf(server, role) }.ConnectionString;

    // Derived from the server's superuser password, so every test process on one server arrives at the same
    // passwords without sharing a file, and no password is a known constant.
    private static string PasswordOf(string server, string role) =>
        Convert.ToHexString(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(new NpgsqlConnectionStringBuilder(server).Password ?? ""), Encoding.UTF8.GetBytes(role)));

    public static Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");
        return CreateAsync(server);
    }

    /// <summary>A fresh database on another server, e.g. a <see cref="PrivatePostgres"/> a test may stop.</summary>
    public static Task<TestDatabase> CreateAsync(string server) => CreateAsync(server, int.MaxValue);

    /// <summary>
    /// A fresh database with the schema of an earlier release: scripts up to <paramref name="throughVersion"/> only.
    /// <see cref="MigrateAsync"/> then upgrades it as a new release's first start would.
    /// </summary>
    public static Task<TestDatabase> CreateAtVersionAsync(int throughVersion) =>
        CreateAsync(Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ServerVariable} is not set. Run the tests with ./test.sh."), throughVersion);

    /// <summary>Applies the scripts not applied yet, as the owner role.</summary>
    public Task MigrateAsync() => SchemaMigrator.ApplyAsync(OwnerConnectionString, Roles);

    private static async Task<TestDatabase> CreateAsync(string server, int throughVersion)
    {
        var db = new TestDatabase(server, $"c360_test_{Guid.NewGuid():N}");
        var roles = db.Roles;
        var key = new NpgsqlConnectionStringBuilder(server) { Database = null }.ConnectionString;
        try
        {
            await RolesMade.GetOrAdd(key, _ => new Lazy<Task>(() => DatabaseRoleSetup.EnsureRolesAsync(server, roles,
                new DatabaseRolePasswords(PasswordOf(server, roles.Owner), PasswordOf(server, roles.Silo), PasswordOf(server, roles.Gateway))))).Value;
        }
        catch
        {
            RolesMade.TryRemove(key, out _);
            throw;
        }
        await DatabaseRoleSetup.PrepareDatabaseAsync(server, db.Name, roles);
        await SchemaMigrator.ApplyAsync(db.OwnerConnectionString, roles, throughVersion);
        return db;
    }

    /// <summary>
    /// A name for a database on the test server that the test makes itself, the way an administrator would (e.g.
    /// <c>create-roles</c> and a restore), with the roles' connection strings. Nothing is created here; the roles
    /// must exist already (any <see cref="CreateAsync()"/> in this test process made them). Dropped on dispose.
    /// </summary>
    public static TestDatabase Reserve()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");
        return new TestDatabase(server, $"c360_test_{Guid.NewGuid():N}");
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
