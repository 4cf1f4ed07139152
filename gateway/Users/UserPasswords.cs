using System.Security.Cryptography;
using Customer360.Gateway.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Users;

/// <summary>
/// Password hashes: ASP.NET Core Identity's format V3 (PBKDF2-HMAC-SHA512, 16-byte random salt per hash), with
/// the iteration count of <see cref="AuthOptions.PasswordHashIterations"/> (at least OWASP's 210,000; Identity's
/// default of 100,000 is below it). A hash made with fewer iterations still verifies and is then replaced.
/// </summary>
public sealed class UserPasswords
{
    private readonly PasswordHasher<UserPasswords> _hasher;

    // Verified against when the user does not exist, so an unknown name costs the same work as a wrong password
    // and the answer's timing does not tell which names exist.
    private readonly string _dummyHash;

    public UserPasswords(IOptions<AuthOptions> options)
    {
        _hasher = new PasswordHasher<UserPasswords>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordHashIterations,
        }));
        _dummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public string Hash(string password) => _hasher.HashPassword(this, password);

    /// <summary>Checks a password. <paramref name="rehashed"/> is a new hash to store when the old one is outdated.</summary>
    public bool Verify(string hash, string password, out string? rehashed)
    {
        rehashed = null;
        var result = _hasher.VerifyHashedPassword(this, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded) rehashed = Hash(password);
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>The same work as checking a real password, for a name that does not exist; always false.</summary>
    public bool VerifyNobody(string password)
    {
        _hasher.VerifyHashedPassword(this, _dummyHash, password);
        return false;
    }
}
