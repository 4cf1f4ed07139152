namespace Customer360.Grains.Storage;

/// <summary>Names of the grain storage providers registered on the silo.</summary>
public static class StorageNames
{
    /// <summary>Snapshots of customer profiles (AdoNet on PostgreSQL).</summary>
    public const string Profiles = "profiles";

    /// <summary>
    /// The AdoNet provider behind <see cref="Profiles"/>, which writes and clears its snapshots (and reads those
    /// <see cref="GatheredReadGrainStorage"/> does not gather). Nothing stored carries a provider's name.
    /// </summary>
    public const string ProfilesAdoNet = "profiles-adonet";
}
