using Npgsql;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// One cheap round trip to PostgreSQL, bounded in time whatever the server or the network does: the readiness probes
/// of silo and gateway, and the gateway's test of whether a failure is a store outage.
/// </summary>
public static class StoreProbe
{
    /// <summary>True when <c>select 1</c> comes back within <paramref name="timeout"/>.</summary>
    public static async Task<bool> AnswersAsync(NpgsqlDataSource dataSource, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            // A half-open connection (server gone without a FIN) would otherwise wait for the OS to notice.
            await command.ExecuteScalarAsync(deadline.Token).WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
