namespace Customer360.Gateway.Auth;

/// <summary>Claim types of a user's scope in tokens.</summary>
public static class ScopeClaims
{
    public const string Store = "c360:store";
    public const string Manager = "c360:manager";
    public const string Region = "c360:region";
}
