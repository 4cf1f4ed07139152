namespace Customer360.Gateway.Auth;

/// <summary>The answer to a sign-in: the bearer token, when it expires, and who it says the user is.</summary>
public sealed record SignedToken(string Token, DateTimeOffset ExpiresAt, string User, string Role, string? StoreId, string? ManagerId, string? Region);
