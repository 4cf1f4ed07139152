using System.Security.Cryptography;
using System.Text;
using Customer360.Domain.Access;

namespace Customer360.Gateway.Auth;

/// <summary>
/// The producers that post events with an API key, each with its grants. Bound from configuration section
/// <c>Auth</c> (setting <c>Auth:Producers</c>), apart from <see cref="AuthOptions"/> so sign-in and producers
/// change independently.
/// </summary>
public sealed class ProducersOptions
{
    /// <summary>The replaced setting: it held bare keys that could post anything.</summary>
    public const string LegacySetting = "Auth:IngestApiKeys";

    /// <summary>Shortest key accepted, in characters.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Producer credentials; none by default (then only tokens of role ingest can post events).</summary>
    public List<ProducerCredential> Producers { get; set; } = [];

    /// <summary>The SHA-256 a credential's key is compared by, or null when it names none (a validation problem).</summary>
    public static byte[]? KeyHash(ProducerCredential p)
    {
        if (!string.IsNullOrEmpty(p.Key)) return HashKey(p.Key);
        if (p.KeySha256 is not { Length: 64 } hex) return null;
        try { return Convert.FromHexString(hex); } catch (FormatException) { return null; }
    }

    public static byte[] HashKey(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        var seen = new List<(byte[] Hash, string Where)>();
        for (var i = 0; i < Producers.Count; i++)
        {
            var p = Producers[i];
            var at = $"Auth:Producers:{i}";
            if (string.IsNullOrWhiteSpace(p.Name)) yield return $"{at} needs a Name";
            else at += $" ({p.Name})";

            var hasKey = !string.IsNullOrEmpty(p.Key);
            var hasHash = !string.IsNullOrEmpty(p.KeySha256);
            if (hasKey == hasHash)
                yield return $"{at} needs exactly one of Key and KeySha256 (the hex SHA-256 of the key)";
            else if (hasKey && p.Key!.Length < MinKeyLength)
                yield return $"{at} Key must be at least {MinKeyLength} characters";
            else if (hasHash && KeyHash(p) is null)
                yield return $"{at} KeySha256 must be 64 hex digits (the SHA-256 of the key)";
            else if (KeyHash(p) is { } hash)
            {
                if (seen.FirstOrDefault(s => s.Hash.AsSpan().SequenceEqual(hash)) is { Where: { } other })
                    yield return $"{at} has the same key as {other}; every producer needs its own";
                seen.Add((hash, at));
            }

            foreach (var grant in p.Grants.Where(g => !ProducerGrants.All.Contains(g)))
                yield return $"{at} has grant '{grant}'; expected any of {string.Join(", ", ProducerGrants.All)}";
            if (p.Grants.Contains(ProducerGrants.StoreSystems) && p.Stores.Count == 0)
                yield return $"{at} has grant {ProducerGrants.StoreSystems} but no Stores; list the stores whose walk-ins it records";
            if (p.Stores.Any(string.IsNullOrWhiteSpace))
                yield return $"{at} Stores holds an empty store id";
        }
        if (Producers.Where(p => !string.IsNullOrWhiteSpace(p.Name)).GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .FirstOrDefault(g => g.Count() > 1) is { } dup)
            yield return $"Auth:Producers names '{dup.Key}' twice";
    }
}
