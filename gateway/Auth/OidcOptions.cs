namespace Customer360.Gateway.Auth;

/// <summary>
/// Optional sign-in through an external OpenID Connect provider: its access tokens are accepted beside the
/// gateway's own, with role and scope read from their claims. Bound from configuration section <c>Auth:Oidc</c>;
/// off while <see cref="Authority"/> is empty. Users of the provider are managed there, not in <c>c360_users</c>.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    /// <summary>The provider's issuer URL; its <c>/.well-known/openid-configuration</c> names the signing keys. Empty: off.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the provider puts in tokens meant for this gateway. Required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Only for a provider on plain HTTP in a test; default true.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim holding the user name. Default <c>preferred_username</c>.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The claim holding the roles (one value or an array). Default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Provider role → gateway role (store, account-manager, phone-manager, supervisor, admin). A role not mapped is used as it is.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>The claims holding the scope: store id, manager id, region. Defaults <c>c360_store</c>, <c>c360_manager</c>, <c>c360_region</c>.</summary>
    public string StoreClaim { get; set; } = "c360_store";

    /// <inheritdoc cref="StoreClaim"/>
    public string ManagerClaim { get; set; } = "c360_manager";

    /// <inheritdoc cref="StoreClaim"/>
    public string RegionClaim { get; set; } = "c360_region";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            yield return "Auth:Oidc:Authority must be an absolute https URL";
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
            yield return "Auth:Oidc:Authority must use https (Auth:Oidc:RequireHttpsMetadata is on)";
        if (string.IsNullOrWhiteSpace(Audience)) yield return "Auth:Oidc:Audience is required when Auth:Oidc:Authority is set";
        foreach (var (from, to) in RoleMap)
            if (!Roles.All.Contains(to) || to == Roles.Ingest)
                yield return $"Auth:Oidc:RoleMap:{from} must be a person's role (store, account-manager, phone-manager, supervisor, admin), not '{to}'";
    }
}
