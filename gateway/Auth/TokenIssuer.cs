using System.Security.Claims;
using Customer360.Gateway.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.Gateway.Auth;

/// <summary>
/// Issues the signed bearer token of a user whose password was checked (<see cref="SignInService"/>): role and
/// scope, a producer's grants and stores, and when it was issued (<see cref="TokenIssuedAt"/>), which lets every gateway refuse tokens issued before
/// the user's sessions were ended (<see cref="UserStateCache"/>).
/// </summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public const string Issuer = "customer360";
    public const string Audience = "customer360-consoles";

    public SignedToken Issue(StoredUser user)
    {
        var now = time.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var scope = user.Scope;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, scope.Role), TokenIssuedAt.For(now) };
        if (scope.StoreId is { } store) claims.Add(new(ScopeClaims.Store, store));
        if (scope.ManagerId is { } manager) claims.Add(new(ScopeClaims.Manager, manager));
        if (scope.Region is { } region) claims.Add(new(ScopeClaims.Region, region));
        claims.AddRange(scope.Grants.Select(g => new Claim(ScopeClaims.Grant, g)));
        claims.AddRange(scope.Stores.Select(s => new Claim(ScopeClaims.ProducerStore, s)));
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
        return new SignedToken(token, expires, user.Name, scope.Role, scope.StoreId, scope.ManagerId, scope.Region);
    }
}
