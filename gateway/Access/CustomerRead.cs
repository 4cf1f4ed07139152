using Customer360.Domain.Access;
using Customer360.Domain.Views;

namespace Customer360.Gateway.Access;

public enum CustomerReadStatus { Allowed, Forbidden, NotFound }

/// <summary>The outcome of a person's profile read: the (masked) view when allowed, and the facts that decided.</summary>
public sealed record CustomerRead(CustomerReadStatus Status, ProfileView? View, AccessFacts? Facts);
