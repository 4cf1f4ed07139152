namespace Customer360.Gateway.Users;

/// <summary>What a gateway checks on every token: is the user disabled, since when are sessions valid, a demo user?</summary>
public sealed record UserState(bool Disabled, DateTimeOffset SessionsValidAfter, bool Demo);
