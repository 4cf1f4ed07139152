using System.Globalization;
using System.Security.Claims;

namespace Customer360.Gateway.Users;

/// <summary>
/// When a token was issued, to the millisecond: the claim <c>c360:issued-ms</c> (Unix milliseconds) that the
/// gateway adds beside the standard <c>iat</c>, which has whole seconds only. A reset a few hundred milliseconds
/// after a sign-in must still end that session, and a sign-in just after it must not be refused.
/// </summary>
public static class TokenIssuedAt
{
    public const string Claim = "c360:issued-ms";

    public static Claim For(DateTimeOffset issuedAt) =>
        new(Claim, issuedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>When the token was issued; null when it does not say (it is then treated as issued long ago).</summary>
    public static DateTimeOffset? Of(ClaimsPrincipal user)
    {
        if (long.TryParse(user.FindFirstValue(Claim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return long.TryParse(user.FindFirstValue("iat"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}
