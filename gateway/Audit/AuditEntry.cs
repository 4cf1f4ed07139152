namespace Customer360.Gateway.Audit;

/// <summary>One read of a customer's profile by a person, as the audit log keeps it.</summary>
/// <param name="At">When the profile was read.</param>
/// <param name="UserName">Who read it: the signed-in user's name.</param>
/// <param name="Role">The role the user read it in.</param>
/// <param name="CustomerId">Whose profile was read. Never a phone number.</param>
/// <param name="Through">
/// What it was read through: a route template such as <c>GET /api/v1/customers/{id}</c>, never the path asked for
/// (that may hold a phone number), or <c>hub Subscribe customer:…</c>, <c>search</c>.
/// </param>
/// <param name="Detail">Anything else worth keeping, free of phone numbers and tokens.</param>
public sealed record AuditEntry(DateTimeOffset At, string UserName, string Role, string CustomerId, string Through, string? Detail = null);
