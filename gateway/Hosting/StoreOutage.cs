using Npgsql;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// Whether an exception means PostgreSQL (or the cluster that reaches it) is down rather than a bug: connection
/// failures and transient server states from Npgsql, in the gateway or in a silo (they cross Orleans as the same
/// type, or as a stand-in naming it), timeouts, and Orleans' own "no silo answers" errors.
/// </summary>
public static class StoreOutage
{
    public static bool Is(Exception exception) => Causes(exception).Any(IsOutage);

    /// <summary>The exception's type for logs, and the first cause that made it an outage.</summary>
    public static string Describe(Exception exception) =>
        Causes(exception).FirstOrDefault(IsOutage) is { } cause && cause != exception
            ? $"{TypeName(exception)} caused by {TypeName(cause)}"
            : TypeName(exception);

    private static bool IsOutage(Exception e) => e switch
    {
        // A server error answered on a live connection is an outage only in the states of a server going away or
        // overloaded; the rest (a missing column, a denied grant) is a bug: 500.
        PostgresException postgres => IsOutageState(SqlStateOf(postgres)),
        NpgsqlException => true,
        TimeoutException => true,
        SiloUnavailableException or GatewayTooBusyException => true,
        // An exception of a type the gateway cannot load crosses Orleans as this stand-in.
        UnavailableExceptionFallbackException fallback => fallback.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true,
        _ => false,
    };

    // Classes 08 (connection), 53 (insufficient resources), 57P (shutdown, crash, not yet accepting connections)
    // and 58 (system error).
    private static bool IsOutageState(string? sqlState) =>
        sqlState is { Length: 5 } && (sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState.StartsWith("53", StringComparison.Ordinal)
                                      || sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState.StartsWith("58", StringComparison.Ordinal));

    // One thrown in a silo crosses Orleans with its message but not its properties; Npgsql's message starts with
    // the state ("57P01: terminating connection due to administrator command").
    private static string? SqlStateOf(PostgresException postgres) =>
        !string.IsNullOrEmpty(postgres.SqlState) ? postgres.SqlState
        : postgres.Message is { Length: > 6 } message && message[5] == ':' ? message[..5]
        : null;

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        var seen = 0;
        // Bounded: a cause chain is short, and a cycle must not hang the error path.
        while (pending.Count > 0 && seen++ < 32)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (e.InnerException is { } inner)
                pending.Push(inner);
        }
    }

    private static string TypeName(Exception e) =>
        e is UnavailableExceptionFallbackException { ExceptionType: { } type } ? type : e.GetType().FullName ?? e.GetType().Name;
}
