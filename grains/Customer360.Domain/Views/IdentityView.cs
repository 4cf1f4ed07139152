using Customer360.Domain.Profile;

namespace Customer360.Domain.Views;

/// <summary>The identity part of <see cref="ProfileView"/>.</summary>
public sealed record IdentityView(
    string Name, string Msisdn, string Region, string? HomeStoreId, string? AccountManagerId, string? PhoneManagerId,
    DateOnly JoinedOn, int TenureMonths, DateOnly? Birthday, string? Gender, string? Occupation, IReadOnlyList<string>? Interests,
    string? GroupId, GroupClass? GroupClass, bool KeyPerson, bool FamilyDecisionMaker);
