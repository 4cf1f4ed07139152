using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Auth;

/// <summary>
/// Machine producers (usage feeds, mediation systems) authenticate with a long-lived key in the
/// <c>X-Api-Key</c> header instead of signing in. A key only ever grants the ingest role.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    // Keys are compared as hashes, in fixed time, so neither their length nor a prefix leaks through timing.
    private readonly byte[][] _keyHashes = [.. auth.Value.IngestApiKeys.Select(Hash)];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
            return Task.FromResult(AuthenticateResult.NoResult());
        var presented = Hash(values.ToString());
        for (var i = 0; i < _keyHashes.Length; i++)
        {
            if (!CryptographicOperations.FixedTimeEquals(presented, _keyHashes[i])) continue;
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, $"ingest-key-{i + 1}"), new Claim(ClaimTypes.Role, Roles.Ingest)], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        return Task.FromResult(AuthenticateResult.Fail($"the {Header} header does not hold a known key"));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
