using System.Collections.Immutable;
using Customer360.Contracts;
using Npgsql;
using Orleans.Concurrency;

namespace Customer360.Grains.Customers;

/// <summary>
/// Reads the MSISDN index. A stateless worker: lookups hold no state, so they run on whichever silo the caller
/// reaches, several at once, and one query answers a whole batch of numbers.
/// </summary>
[StatelessWorker]
public sealed class MsisdnDirectoryGrain(NpgsqlDataSource db) : Grain, IMsisdnDirectoryGrain
{
    public async Task<ImmutableDictionary<string, string>> Resolve(ImmutableArray<string> msisdns)
    {
        if (msisdns.IsEmpty) return ImmutableDictionary<string, string>.Empty;
        await using var cmd = db.CreateCommand("select msisdn, customer_id from c360_msisdn where msisdn = any(@m)");
        cmd.Parameters.AddWithValue("m", msisdns.Distinct().ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        var found = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync()) found[reader.GetString(0)] = reader.GetString(1);
        return found.ToImmutable();
    }
}
