namespace Customer360.Gateway.Auth;

/// <summary>
/// One producer that may post events with a key in the <c>X-Api-Key</c> header (role ingest). An item of the
/// configuration list <c>Auth:Producers</c>.
/// </summary>
public sealed class ProducerCredential
{
    /// <summary>Unique name of the producer (e.g. <c>mediation-north</c>), its identity in logs and audit. Required.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The SHA-256 of the key's UTF-8 bytes, as 64 hex digits (<c>printf %s "$KEY" | sha256sum</c>), so that files
    /// hold no secret. Exactly one of this and <see cref="Key"/> is set.
    /// </summary>
    public string? KeySha256 { get; set; }

    /// <summary>
    /// The key itself, at least 32 characters. Only from the environment or a secret store
    /// (<c>Auth__Producers__0__Key</c>): a key found in an appsettings file stops the gateway. Never logged.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// What it may send: any of <c>usage</c>, <c>master-data</c>, <c>store-systems</c>
    /// (Customer360.Domain.Access.ProducerGrants). With none it may send nothing.
    /// </summary>
    public List<string> Grants { get; set; } = [];

    /// <summary>The stores whose walk-ins it may record; required with <c>store-systems</c>. Ids compare exactly.</summary>
    public List<string> Stores { get; set; } = [];
}
