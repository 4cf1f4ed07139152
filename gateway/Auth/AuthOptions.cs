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

    /// <summary>
    /// Demo mode: the <see cref="DemoUsers"/>, whose passwords everyone knows, are created at start and may sign
    /// in, and the gateway also reads <c>appsettings.Demo.json</c> (where they are). Default false: a production
    /// install has no user but those an administrator made (the first one with <c>create-admin</c>).
    /// <c>./run.sh</c> turns it on.
    /// </summary>
    public bool DemoMode { get; set; }

    /// <summary>The demo users (<c>appsettings.Demo.json</c>). Ignored, with a warning, unless <see cref="DemoMode"/> is on.</summary>
    public List<DemoUser> DemoUsers { get; set; } = [];

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of new password hashes. Default and minimum 210,000 (OWASP). Raising it makes
    /// every older hash be replaced at its user's next sign-in.
    /// </summary>
    public int PasswordHashIterations { get; set; } = MinPasswordHashIterations;

    /// <summary>
    /// How often each gateway re-reads which users are disabled or had their password reset; their tokens are
    /// refused and their hub connections closed at the latest this long after the change. Default 15 seconds.
    /// </summary>
    public TimeSpan UserStateRefresh { get; set; } = TimeSpan.FromSeconds(15);

    public const int MinPasswordHashIterations = 210_000;

    /// <summary>
    /// The former plain-text users (<c>Auth:Users</c>), bound only to refuse a configuration that still has them: an
    /// operator must not believe those accounts exist.
    /// </summary>
    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Users")]
    public List<DemoUser> LegacyUsers { get; set; } = [];

    public byte[] KeyBytes() => Convert.FromBase64String(SigningKey);

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        byte[]? key = null;
        try { key = Convert.FromBase64String(SigningKey); } catch (FormatException) { }
        if (key is null || key.Length < 32) yield return "Auth:SigningKey must be set to a base64 key of at least 32 bytes";
        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(1)) yield return "Auth:TokenLifetime must be above zero and at most one day";
        if (LegacyUsers.Count > 0)
            yield return "Auth:Users is no longer read: users live in PostgreSQL (c360_users). Remove it; make the first administrator with " +
                "`Customer360.Gateway create-admin --user NAME`, and the others in the Users page or POST /api/v1/users";
        if (PasswordHashIterations < MinPasswordHashIterations)
            yield return $"Auth:PasswordHashIterations must be at least {MinPasswordHashIterations:N0}";
        if (UserStateRefresh < TimeSpan.FromSeconds(1) || UserStateRefresh > TimeSpan.FromMinutes(1))
            yield return "Auth:UserStateRefresh must be from 1 second to 1 minute (disabling a user must end their sessions within a minute)";
        if (!DemoMode) yield break;
        foreach (var (u, i) in DemoUsers.Select((u, i) => (u, i)))
        {
            var problems = new Dictionary<string, string[]>();
            Users.UserRules.CheckName(u.Name, problems);
            Users.UserRules.CheckScope(Users.UserRules.Normalize(u.Role, u.StoreId, u.ManagerId, u.Region, u.Grants, u.Stores), problems);
            if (string.IsNullOrEmpty(u.Password)) problems["password"] = ["a password is required"];
            foreach (var (field, messages) in problems) yield return $"Auth:DemoUsers:{i} ({u.Name}): {field}: {string.Join(" ", messages)}";
        }
        if (DemoUsers.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
            yield return $"Auth:DemoUsers names '{dup.Key}' twice";
    }
}
