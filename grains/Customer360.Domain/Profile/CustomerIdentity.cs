namespace Customer360.Domain.Profile;

/// <summary>The identity section of the panoramic profile.</summary>
public sealed record CustomerIdentity(
    string Name,
    string Msisdn,
    string Region,
    DateOnly JoinedOn,
    string? HomeStoreId,
    string? AccountManagerId,
    string? PhoneManagerId,
    DateOnly? Birthday,
    string? Gender,
    string? Occupation,
    IReadOnlyList<string>? Interests = null,
    string? GroupId = null,
    GroupClass? GroupClass = null,
    bool KeyPerson = false,
    bool FamilyDecisionMaker = false);
