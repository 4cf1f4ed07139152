using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Auth;

/// <summary>
/// The producer keys this gateway accepts, as SHA-256 hashes, and the claims each key signs in with: its name,
/// role ingest, one <see cref="ScopeClaims.Grant"/> per grant and one <see cref="ScopeClaims.ProducerStore"/> per store.
/// </summary>
public sealed class ProducerKeyring(IOptions<ProducersOptions> options)
{
    private readonly (byte[] Hash, ProducerCredential Producer)[] _keys =
        [.. options.Value.Producers.Select(p => (ProducersOptions.KeyHash(p)!, p))];

    /// <summary>The claims of the producer holding <paramref name="presentedKey"/>, or null when no producer does.</summary>
    public IReadOnlyList<Claim>? ClaimsFor(string presentedKey)
    {
        // Compared as hashes, in fixed time, and against every key, so neither a key's length, a prefix nor its
        // position in the list leaks through timing.
        var presented = ProducersOptions.HashKey(presentedKey);
        ProducerCredential? match = null;
        foreach (var (hash, producer) in _keys)
            if (CryptographicOperations.FixedTimeEquals(presented, hash)) match = producer;
        if (match is null) return null;

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name), new(ClaimTypes.Role, Roles.Ingest) };
        claims.AddRange(match.Grants.Distinct(StringComparer.Ordinal).Select(g => new Claim(ScopeClaims.Grant, g)));
        claims.AddRange(match.Stores.Distinct(StringComparer.Ordinal).Select(s => new Claim(ScopeClaims.ProducerStore, s)));
        return claims;
    }
}
