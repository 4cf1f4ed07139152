using System.Globalization;
using System.Security.Claims;

namespace Customer360.Gateway.Users;

/// <summary>Reads a validated token's <c>iat</c> (issued at, Unix seconds) from its claims.</summary>
public static class TokenIssuedAt
{
    public const string Claim = "iat";

    /// <summary>When the token was issued; null when it does not say (it is then treated as issued long ago).</summary>
    public static DateTimeOffset? Of(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(Claim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
