namespace Customer360.Domain.Profile;

/// <summary>Names of profile sections, as sent to consoles in "what changed".</summary>
public static class ProfileSection
{
    public const string Identity = "identity";
    public const string Usage = "usage";
}
