using System.Collections.Immutable;

namespace Customer360.Contracts;

/// <summary>Finds customers by phone number (MSISDN), from the index the journal keeps.</summary>
[Alias("c360.msisdn-directory")]
public interface IMsisdnDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The customer id of each number that has one; unknown numbers are left out.</summary>
    [Alias("resolve")]
    Task<ImmutableDictionary<string, string>> Resolve(ImmutableArray<string> msisdns);
}
