namespace Customer360.Gateway.Audit;

/// <summary>
/// One entry of the audit log: a person read a customer's personal data (a profile, a list line, a staff
/// action's answer), or something happened that the log must keep (a sign-in, a rules change).
/// </summary>
/// <param name="At">When it happened.</param>
/// <param name="UserName">Who: the signed-in user's name.</param>
/// <param name="Role">The role the user acted in.</param>
/// <param name="CustomerId">Whose data was read; <c>""</c> for an entry about no customer. Never a phone number.</param>
/// <param name="Through">
/// What it was read through: a route template such as <c>GET /api/v1/customers/{id}</c>, never the path asked for
/// (that may hold a phone number), or <c>hub Subscribe customer:{id}</c>; for an entry about no customer a short
/// name such as <c>sign-in</c>.
/// </param>
/// <param name="Detail">Anything else worth keeping, free of phone numbers, passwords and tokens.</param>
/// <param name="Kind">
/// What sort of entry it is, one of <see cref="AuditKinds.All"/>; when left out, <see cref="AuditKinds.Read"/> for an
/// entry about a customer and <see cref="AuditKinds.Other"/> for one about none.
/// </param>
public sealed record AuditEntry(DateTimeOffset At, string UserName, string Role, string CustomerId, string Through, string? Detail = null,
    string? Kind = null)
{
    /// <summary>The kind as stored: the one given, or the default for an entry about a customer or about none.</summary>
    public string KindOrDefault => Kind ?? (CustomerId.Length > 0 ? AuditKinds.Read : AuditKinds.Other);
}
