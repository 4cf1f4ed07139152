using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.Auth;

/// <summary>Checks a user's password and issues a signed bearer token carrying role and scope.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Issuer = "customer360";
    public const string Audience = "customer360-consoles";

    public SignedToken? Issue(string userName, string password)
    {
        var user = options.Value.Users.FirstOrDefault(u => string.Equals(u.Name, userName, StringComparison.OrdinalIgnoreCase));
        // Compare in constant time, and compare something even for an unknown user, so timing tells nothing.
        var expected = Encoding.UTF8.GetBytes(user?.Password ?? "\0no-such-user");
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(password)) || user is null) return null;

        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        if (user.StoreId is { } store) claims.Add(new(ScopeClaims.Store, store));
        if (user.ManagerId is { } manager) claims.Add(new(ScopeClaims.Manager, manager));
        if (user.Region is { } region) claims.Add(new(ScopeClaims.Region, region));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(options.Value.KeyBytes()), SecurityAlgorithms.HmacSha256),
        });
        return new SignedToken(token, expires, user.Name, user.Role, user.StoreId, user.ManagerId, user.Region);
    }
}
