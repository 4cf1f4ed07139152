namespace Customer360.Grains.Storage;

/// <summary>Names of the grain storage providers registered on the silo.</summary>
public static class StorageNames
{
    /// <summary>Snapshots of customer profiles (AdoNet on PostgreSQL).</summary>
    public const string Profiles = "profiles";
}
