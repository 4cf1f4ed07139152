namespace Customer360.Gateway.Users;

/// <summary>Body of <c>POST /api/v1/users/{userName}/password</c>: the new password (12 to 256 characters).</summary>
public sealed record PasswordRequest(string? Password);
