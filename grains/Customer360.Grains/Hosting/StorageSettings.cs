namespace Customer360.Grains.Hosting;

/// <summary>Schema management. Bound from configuration section <c>Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>
    /// Apply the schema (idempotently) when the silo starts. Default false: a deployment step runs
    /// <c>Customer360.Silo migrate</c> as the owner role, and the silo's own role may not change the schema. Turn it
    /// on only where the silo connects as a role that may (a developer's database).
    /// </summary>
    public bool ApplySchemaOnStart { get; set; }
}
