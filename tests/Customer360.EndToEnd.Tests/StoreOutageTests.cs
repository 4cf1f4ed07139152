using Customer360.Contracts;
using Customer360.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Which exceptions the gateway answers 503 rather than 500 (<see cref="StoreOutage"/>), thrown in the gateway and
/// thrown in a silo (after a round trip through the cluster's serializer, as a grain's failure reaches the gateway).
/// </summary>
public sealed class StoreOutageTests
{
    public static TheoryData<string, bool> Cases() => new()
    {
        { "connection refused", true },
        { "read past the end of the stream", true },
        { "57P01 administrator shutdown", true },
        { "57P03 not yet accepting connections", true },
        { "53300 too many connections", true },
        { "08006 connection failure", true },
        { "storage error around a broken connection", true },
        { "timeout", true },
        { "42501 permission denied", false },
        { "42703 undefined column", false },
        { "storage error around a permission denial", false },
        { "invalid operation", false },
        { "argument", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void an_exception_is_a_store_outage_only_when_postgres_or_the_cluster_is_unreachable(string thrown, bool outage)
    {
        Assert.Equal(outage, StoreOutage.Is(Make(thrown)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void an_exception_thrown_in_a_silo_is_classified_alike_after_crossing_the_cluster(string thrown, bool outage)
    {
        var services = new ServiceCollection().AddSerializer(s => s.AddCustomer360Serialization()).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var crossed = serializer.Deserialize<Exception>(serializer.SerializeToArray(Make(thrown)))
            ?? throw new InvalidOperationException($"{thrown} did not cross");
        Assert.True(outage == StoreOutage.Is(crossed), $"{thrown} crossed as {crossed.GetType().FullName}: {crossed}");
    }

    private static Exception Make(string thrown) => thrown switch
    {
        "connection refused" => new NpgsqlException("Failed to connect to 127.0.0.1:5432", new System.Net.Sockets.SocketException(111)),
        "read past the end of the stream" => new NpgsqlException("Exception while reading from stream", new EndOfStreamException()),
        "57P01 administrator shutdown" => Postgres("57P01", "terminating connection due to administrator command"),
        "57P03 not yet accepting connections" => Postgres("57P03", "the database system is not yet accepting connections"),
        "53300 too many connections" => Postgres("53300", "sorry, too many clients already"),
        "08006 connection failure" => Postgres("08006", "connection failure"),
        "storage error around a broken connection" => new OrleansException("Error from storage provider during ReadStateAsync",
            new NpgsqlException("Exception while reading from stream", new EndOfStreamException())),
        "timeout" => new TimeoutException("the grain call timed out"),
        "42501 permission denied" => Postgres("42501", "permission denied for table customers"),
        "42703 undefined column" => Postgres("42703", "column \"nam\" does not exist"),
        "storage error around a permission denial" => new OrleansException("Error from storage provider during ReadStateAsync",
            Postgres("42501", "permission denied for table orleansstorage")),
        "invalid operation" => new InvalidOperationException("a bug"),
        "argument" => new ArgumentException("a bug"),
        _ => throw new ArgumentOutOfRangeException(nameof(thrown), thrown, null),
    };

    private static PostgresException Postgres(string sqlState, string text) => new(text, "FATAL", "FATAL", sqlState);
}
