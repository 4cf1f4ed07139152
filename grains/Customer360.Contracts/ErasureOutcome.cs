namespace Customer360.Contracts;

/// <summary>What <see cref="ICustomerGrain.Erase"/> found.</summary>
[GenerateSerializer, Alias("c360.erasure-outcome")]
public enum ErasureOutcome
{
    /// <summary>The person's data was there and is erased now.</summary>
    Erased,

    /// <summary>Erased before; the call finished anything an interrupted erasure had left.</summary>
    AlreadyErased,

    /// <summary>Nothing is known under this id (never registered, no event journaled): no tombstone is left.</summary>
    Unknown,
}
