using Customer360.Grains.Storage;
using Npgsql;

namespace Customer360.Testing;

/// <summary>
/// A fresh database on the PostgreSQL server the test command started (env <c>C360_TEST_PG</c>), with the
/// schema applied. Tests never mock the database and never skip silently: without the server they fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "C360_TEST_PG";

    private readonly string _server;

    public string Name { get; }

    public string ConnectionString { get; }

    private TestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{ServerVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");
        return CreateAsync(server);
    }

    /// <summary>A fresh database on another server, e.g. a <see cref="PrivatePostgres"/> a test may stop.</summary>
    public static async Task<TestDatabase> CreateAsync(string server)
    {
        var db = new TestDatabase(server, $"c360_test_{Guid.NewGuid():N}");
        await SchemaMigrator.ApplyAsync(db.ConnectionString);
        return db;
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
