namespace Customer360.Gateway.Auth;

/// <summary>Sign-in. Bound from configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Base64 key, at least 32 bytes, that signs bearer tokens. Every gateway of a cluster needs the same one.
    /// Required; never logged. <c>./run.sh</c> generates one into <c>.data/run/</c>.
    /// </summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a token lasts. Default 8 hours (a shift).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The users who may sign in (demo users come from here).</summary>
    public List<UserAccount> Users { get; set; } = [];

    public byte[] KeyBytes() => Convert.FromBase64String(SigningKey);

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        byte[]? key = null;
        try { key = Convert.FromBase64String(SigningKey); } catch (FormatException) { }
        if (key is null || key.Length < 32) yield return "Auth:SigningKey must be set to a base64 key of at least 32 bytes";
        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(1)) yield return "Auth:TokenLifetime must be above zero and at most one day";
        foreach (var (u, i) in Users.Select((u, i) => (u, i)))
        {
            if (string.IsNullOrWhiteSpace(u.Name) || string.IsNullOrEmpty(u.Password)) yield return $"Auth:Users:{i} needs a Name and a Password";
            if (!Roles.All.Contains(u.Role)) yield return $"Auth:Users:{i} ({u.Name}) has role '{u.Role}'; expected one of {string.Join(", ", Roles.All)}";
        }
        if (Users.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            yield return $"Auth:Users names '{dup.Key}' twice";
    }
}
