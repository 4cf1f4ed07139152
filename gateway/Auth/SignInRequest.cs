namespace Customer360.Gateway.Auth;

public sealed record SignInRequest(string? UserName, string? Password);
