namespace Customer360.Gateway.Auth;

/// <summary>
/// Sign-in hardening (<c>POST /api/v1/auth/token</c>). Bound from configuration section <c>Auth:SignIn</c>.
/// </summary>
public sealed class SignInOptions
{
    public const string Section = "Auth:SignIn";

    /// <summary>Sign-in attempts one client address may make per <see cref="Window"/>; more get 429. Default 30.</summary>
    public int PerAddressPermits { get; set; } = 30;

    /// <summary>Sign-in attempts for one user name (any case) per <see cref="Window"/>, from anywhere; more get 429. Default 10.</summary>
    public int PerUserPermits { get; set; } = 10;

    /// <summary>The rate limits' fixed window. Default 1 minute.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive wrong passwords that lock a user (in the database, for every gateway). Default 5.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a lockout lasts; sign-in answers 423 with Retry-After meanwhile. Default 15 minutes.</summary>
    public TimeSpan LockoutPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest sign-in body; a larger one is refused with 413 before it is parsed. Default 4096 bytes.</summary>
    public long MaxBodyBytes { get; set; } = 4096;

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (PerAddressPermits < 1) yield return "Auth:SignIn:PerAddressPermits must be at least 1";
        if (PerUserPermits < 1) yield return "Auth:SignIn:PerUserPermits must be at least 1";
        if (Window < TimeSpan.FromSeconds(1)) yield return "Auth:SignIn:Window must be at least 1 second";
        if (MaxFailures < 1) yield return "Auth:SignIn:MaxFailures must be at least 1";
        if (LockoutPeriod < TimeSpan.FromSeconds(1)) yield return "Auth:SignIn:LockoutPeriod must be at least 1 second";
        if (MaxBodyBytes is < 256 or > 65536) yield return "Auth:SignIn:MaxBodyBytes must be from 256 to 65536";
    }
}
