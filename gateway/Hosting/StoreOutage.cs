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
        // A server error answered on a live connection is an outage only in its transient states (shutting down,
        // too many connections, serialization); the rest (a missing column, a denied grant) is a bug: 500.
        PostgresException postgres => postgres.IsTransient || string.IsNullOrEmpty(postgres.SqlState),
        NpgsqlException => true,
        TimeoutException => true,
        SiloUnavailableException or GatewayTooBusyException => true,
        // An exception of a type the gateway cannot load crosses Orleans as this stand-in.
        UnavailableExceptionFallbackException fallback => fallback.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true,
        _ => false,
    };

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
