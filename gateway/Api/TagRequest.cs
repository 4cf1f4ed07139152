namespace Customer360.Gateway.Api;

/// <summary>The body of <c>POST /api/v1/customers/{id}/tags</c>.</summary>
public sealed record TagRequest(string? Tag);
