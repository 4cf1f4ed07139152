namespace Customer360.Gateway.Api;

/// <summary>
/// The body of an alert action. <c>customerId</c> may be left out: the alert is then found through the read
/// model, which is seconds behind at most.
/// </summary>
public sealed record AlertActionRequest(string? CustomerId = null, DateTimeOffset? Until = null, string? Outcome = null);
