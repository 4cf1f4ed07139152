using Customer360.Domain.Access;
using Customer360.Domain.Views;

namespace Customer360.Gateway.Access;

/// <summary>
/// How a person's read of a customer ended. <see cref="Forbidden"/> covers "outside your scope" and, for everyone
/// but admins, "no such customer": the two must answer alike. <see cref="NotFound"/> is for admins only.
/// </summary>
public enum CustomerReadStatus { Allowed, Forbidden, NotFound }

/// <summary>The outcome of a person's profile read: the (masked) view when allowed, the facts that decided, and why it was refused.</summary>
public sealed record CustomerRead(CustomerReadStatus Status, ProfileView? View, AccessFacts? Facts, bool WalkedInToday = false, string? Why = null);
