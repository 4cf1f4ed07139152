namespace Customer360.Gateway.Users;

/// <summary>How a sign-in ended: a token, a refusal (401), or a lockout (423) lasting until <see cref="LockedUntil"/>.</summary>
public sealed record SignInOutcome(Auth.SignedToken? Token, DateTimeOffset? LockedUntil)
{
    public static readonly SignInOutcome Refused = new(null, null);
}
