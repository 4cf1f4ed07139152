namespace Customer360.Domain.Rules;

/// <summary>Names of the derived sections a derivation reports in <see cref="DerivationResult.Changed"/>.</summary>
public static class DerivedSection
{
    public const string Tier = "tier";
    public const string Stage = "stage";
    public const string Tags = "tags";
    public const string Alerts = "alerts";
    public const string Actions = "actions";
    public const string Satisfaction = "satisfaction";
}
