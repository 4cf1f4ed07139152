using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Auth;

/// <summary>
/// Machine producers (usage feeds, mediation systems, store systems) authenticate with a long-lived key in the
/// <c>X-Api-Key</c> header instead of signing in. A key only ever grants the ingest role, with the grants and
/// stores its entry of <c>Auth:Producers</c> names (<see cref="ProducerKeyring"/>).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, ProducerKeyring keyring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrEmpty(values.ToString()))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (keyring.ClaimsFor(values.ToString()) is not { } claims)
            return Task.FromResult(AuthenticateResult.Fail($"the {Header} header does not hold a known key"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
