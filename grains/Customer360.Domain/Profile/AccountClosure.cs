namespace Customer360.Domain.Profile;

/// <summary>The account was closed or ported out: the customer has churned, finally.</summary>
public sealed record AccountClosure(DateTimeOffset At, bool PortedOut);
