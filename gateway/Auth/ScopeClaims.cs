namespace Customer360.Gateway.Auth;

/// <summary>Claim types of a user's scope in tokens.</summary>
public static class ScopeClaims
{
    public const string Store = "c360:store";
    public const string Manager = "c360:manager";
    public const string Region = "c360:region";

    /// <summary>A producer's grant, one claim per event group (<see cref="Customer360.Domain.Access.ProducerGrants"/>).</summary>
    public const string Grant = "c360:grant";

    /// <summary>A store whose walk-ins a producer may send, one claim per store.</summary>
    public const string ProducerStore = "c360:producer-store";
}
