namespace Customer360.Gateway.Hosting;

/// <summary>
/// Endpoint metadata that replaces <see cref="SecurityHeaders.ContentSecurityPolicy"/> for the endpoints that carry
/// it, and only for them: a bundled third-party page (Orleans' dashboard) may need what the consoles must not allow.
/// </summary>
public sealed record ContentSecurityPolicyMetadata(string Policy);
