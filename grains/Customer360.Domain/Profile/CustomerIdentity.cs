namespace Customer360.Domain.Profile;

/// <summary>The identity section of the panoramic profile.</summary>
public sealed record CustomerIdentity(
    string Name,
    string Msisdn,
    [property: Shared] string Region,
    DateOnly JoinedOn,
    [property: Shared] string? HomeStoreId,
    [property: Shared] string? AccountManagerId,
    [property: Shared] string? PhoneManagerId,
    DateOnly? Birthday,
    [property: Shared] string? Gender,
    [property: Shared] string? Occupation,
    [property: Shared] IReadOnlyList<string>? Interests = null,
    [property: Shared] string? GroupId = null,
    GroupClass? GroupClass = null,
    bool KeyPerson = false,
    bool FamilyDecisionMaker = false);
