using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Users;

/// <summary>
/// Checks a user name and password against <c>c360_users</c> and issues a token. Wrong passwords are counted in
/// the database, so a lockout holds on every gateway; while locked nothing is checked. A disabled user, or a
/// demo user outside demo mode, is refused even with the right password. Every attempt is audited with why.
/// </summary>
public sealed class SignInService(UserStore store, UserPasswords passwords, TokenIssuer issuer, AuditLog audit,
    IOptions<AuthOptions> auth, IOptions<SignInOptions> options, TimeProvider time)
{
    public const string Success = "sign-in";
    public const string Refusal = "sign-in refused";

    public async Task<SignInOutcome> SignInAsync(string userName, string password, string address, CancellationToken ct)
    {
        var user = await store.FindAsync(userName, ct);
        if (user is null)
        {
            passwords.VerifyNobody(password);
            Audit(userName, "", Refusal, "unknown user", address);
            return SignInOutcome.Refused;
        }
        var role = user.Scope.Role;
        var now = time.GetUtcNow();
        if (user.LockedUntil is { } locked && locked > now)
        {
            Audit(user.Name, role, Refusal, $"locked until {locked:O}", address);
            return new SignInOutcome(null, locked);
        }
        if (!passwords.Verify(user.PasswordHash, password, out var rehashed))
        {
            var lockedNow = await store.RecordFailureAsync(user.Name, options.Value.MaxFailures, now, options.Value.LockoutPeriod, ct);
            Audit(user.Name, role, Refusal, lockedNow is { } until ? $"wrong password; locked until {until:O}" : "wrong password", address);
            return lockedNow is null ? SignInOutcome.Refused : new SignInOutcome(null, lockedNow);
        }
        // Checked only after the password, so these answers tell nothing to someone who does not know it.
        if (user.Disabled)
        {
            Audit(user.Name, role, Refusal, "disabled", address);
            return SignInOutcome.Refused;
        }
        if (user.Demo && !auth.Value.DemoMode)
        {
            Audit(user.Name, role, Refusal, "demo user outside demo mode", address);
            return SignInOutcome.Refused;
        }
        await store.RecordSuccessAsync(user.Name, rehashed, ct);
        Audit(user.Name, role, Success, rehashed is null ? null : "password hash upgraded", address);
        return new SignInOutcome(issuer.Issue(user), null);
    }

    /// <summary>A refusal before any check (rate limit, bad request), audited like the others.</summary>
    public void AuditRefusal(string? userName, string why, string address) => Audit(userName, "", Refusal, why, address);

    private void Audit(string? userName, string role, string through, string? why, string address) =>
        audit.Record(new AuditEntry(time.GetUtcNow(), AuditName(userName), role, "", through,
            why is null ? $"from {address}" : $"{why}; from {address}", AuditKinds.SignIn));

    // The name as typed may be anything (it may even be a password typed in the wrong field): only a well-formed
    // user name is kept, and only up to the longest a user name can be.
    private static string AuditName(string? userName)
    {
        var problems = new Dictionary<string, string[]>();
        UserRules.CheckName(userName, problems);
        return problems.Count == 0 ? userName! : "(not a user name)";
    }
}
