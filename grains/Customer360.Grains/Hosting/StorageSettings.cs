namespace Customer360.Grains.Hosting;

/// <summary>Schema management. Bound from configuration section <c>Storage</c>.</summary>
public sealed class StorageSettings
{
    public const string Section = "Storage";

    /// <summary>
    /// Apply the schema (idempotently) when the silo starts. Default true. Turn it off where a deployment
    /// step runs <c>Customer360.Silo migrate</c> instead.
    /// </summary>
    public bool ApplySchemaOnStart { get; set; } = true;
}
