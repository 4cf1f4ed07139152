using System.Security.Cryptography;
using System.Text;

namespace Customer360.Grains.Storage.Roles;

/// <summary>
/// A PostgreSQL SCRAM-SHA-256 password verifier (RFC 5802/7677), what <c>CREATE ROLE … PASSWORD</c> stores. Sending
/// the verifier instead of the password keeps the password out of the server's statement log and
/// <c>pg_stat_activity</c>: PostgreSQL stores a value in this form as it is.
/// </summary>
internal static class ScramVerifier
{
    // PostgreSQL's own default (scram_iterations); clients compute the same on every sign-in.
    private const int Iterations = 4096;

    public static string Compute(string password)
    {
        // PostgreSQL runs SASLprep on passwords, which changes some non-ASCII text; printable ASCII is what it
        // leaves alone, so for that the verifier computed here is the one the server would compute.
        if (password.Length == 0 || password.Any(c => c is < ' ' or > '~'))
            throw new ArgumentException("A database role password must be non-empty printable ASCII.", nameof(password));

        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
