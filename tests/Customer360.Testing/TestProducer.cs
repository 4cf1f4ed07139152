using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Customer360.Testing;

/// <summary>
/// A producer credential a test gives a gateway (<c>Auth:Producers</c>), with a fresh random key. Entry 0 is the
/// gateway's own producer (<see cref="TestGateway.IngestApiKey"/>, every grant); extra producers take 1, 2….
/// </summary>
/// <param name="Name">Its name, unique in the gateway.</param>
/// <param name="Grants">Grant names: usage, master-data, store-systems.</param>
/// <param name="Stores">The stores whose walk-ins it records.</param>
/// <param name="BySha256">Configure it by the key's SHA-256 (KeySha256), as files do, rather than by the key.</param>
public sealed record TestProducer(string Name, IReadOnlyList<string> Grants, IReadOnlyList<string>? Stores = null, bool BySha256 = false)
{
    /// <summary>Every grant, at stores S01 to S10: what <see cref="TestGateway.IngestApiKey"/> may send.</summary>
    public static readonly IReadOnlyList<string> AllGrants = ["usage", "master-data", "store-systems"];

    public static readonly IReadOnlyList<string> DemoStores = [.. Enumerable.Range(1, 10).Select(i => $"S{i:D2}")];

    public string Key { get; init; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>Settings for a gateway that holds these producers besides its own, as entries 1, 2….</summary>
    public static Dictionary<string, string?> Settings(params TestProducer[] producers)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < producers.Length; i++)
            foreach (var (key, value) in producers[i].SettingsAt(i + 1)) settings[key] = value;
        return settings;
    }

    /// <summary>This producer as entry <paramref name="index"/> of <c>Auth:Producers</c>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> SettingsAt(int index)
    {
        var at = $"Auth:Producers:{index.ToString(CultureInfo.InvariantCulture)}";
        yield return new($"{at}:Name", Name);
        yield return BySha256
            ? new($"{at}:KeySha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Key))).ToLowerInvariant())
            : new($"{at}:Key", Key);
        for (var g = 0; g < Grants.Count; g++) yield return new($"{at}:Grants:{g}", Grants[g]);
        for (var s = 0; s < (Stores?.Count ?? 0); s++) yield return new($"{at}:Stores:{s}", Stores![s]);
    }

    /// <summary>A client of <paramref name="gateway"/> whose every request carries this producer's key.</summary>
    public HttpClient CreateClient(TestGateway gateway)
    {
        var http = gateway.CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }
}
