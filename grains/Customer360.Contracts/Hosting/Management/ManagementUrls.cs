namespace Customer360.Contracts.Hosting.Management;

/// <summary>
/// The <c>Management:Urls</c> setting of silo and gateway: where the management listener binds, as in ASP.NET Core's
/// <c>urls</c> (several separated by <c>;</c>); empty turns the listener off.
/// </summary>
public static class ManagementUrls
{
    /// <summary>The URLs as a list; empty when the listener is off.</summary>
    public static IReadOnlyList<string> Parse(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why <paramref name="urls"/> cannot be bound, naming the setting; null when it can.</summary>
    public static string? Problem(IReadOnlyList<string> urls)
    {
        foreach (var url in urls)
        {
            // Kestrel also takes wildcard hosts (http://*:11180, http://+:11180), which Uri does not parse as such.
            var checkable = url.Replace("://*:", "://0.0.0.0:").Replace("://+:", "://0.0.0.0:");
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
                return $"Management:Urls has '{url}'; each entry must be http://host:port (the listener serves plain HTTP only)";
        }
        return null;
    }
}
