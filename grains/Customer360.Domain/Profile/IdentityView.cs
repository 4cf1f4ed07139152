namespace Customer360.Domain.Profile;

/// <summary>The identity part of <see cref="ProfileView"/>.</summary>
public sealed record IdentityView(
    string Name, string Msisdn, string Region, string? HomeStoreId, string? AccountManagerId, string? PhoneManagerId, DateOnly JoinedOn);
