using Microsoft.Extensions.Configuration.Json;

namespace Customer360.Gateway.Auth;

/// <summary>Producer credentials (<c>Auth:Producers</c>): validated at start, then served by <see cref="ProducerKeyring"/>.</summary>
public static class ProducerHostingExtensions
{
    /// <summary>Adds the keyring, or throws naming every bad <c>Auth:Producers</c> setting.</summary>
    public static WebApplicationBuilder AddProducerCredentials(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<ProducersOptions>() ?? new ProducersOptions();
        var problems = options.Validate().Concat(SecretsInFiles(builder.Configuration, options)).ToList();
        // A gateway upgraded with its old setting would otherwise start with no producers and refuse the feed
        // without saying why.
        if (builder.Configuration.GetSection(ProducersOptions.LegacySetting).Exists())
            problems.Add($"{ProducersOptions.LegacySetting} is no longer read: declare each producer under Auth:Producers with its Name, KeySha256 and Grants");
        if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));

        builder.Services.AddOptions<ProducersOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddSingleton<ProducerKeyring>();
        return builder;
    }

    // A key in a JSON file is a secret in a file, which ends up in backups, images and repositories: files hold
    // KeySha256. User secrets (secrets.json, Development only) count as a secret store.
    private static IEnumerable<string> SecretsInFiles(IConfigurationRoot configuration, ProducersOptions options)
    {
        for (var i = 0; i < options.Producers.Count; i++)
        {
            var setting = $"{AuthOptions.Section}:Producers:{i}:Key";
            foreach (var file in configuration.Providers.OfType<JsonConfigurationProvider>())
                if (file.TryGet(setting, out var key) && !string.IsNullOrEmpty(key)
                    && !string.Equals(file.Source.Path, "secrets.json", StringComparison.OrdinalIgnoreCase))
                    yield return $"{setting} is in the file {file.Source.Path}: put the key's SHA-256 in KeySha256 there, or pass Key through the environment";
        }
    }
}
