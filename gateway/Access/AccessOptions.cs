using Customer360.Domain.Access;

namespace Customer360.Gateway.Access;

/// <summary>Walk-ins at store counters. Bound from configuration section <c>Access</c>.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// Which customers store staff may identify at their counter: <c>region</c> (default: customers of the staff
    /// member's region, the token's region claim), <c>home-store</c> (only customers whose home store is theirs) or
    /// <c>anywhere</c>. A number outside it answers exactly as an unknown number.
    /// </summary>
    public string WalkInScope { get; set; } = "region";

    /// <summary>Walk-ins one staff member may record a minute (fixed window, per user name); more get 429 with Retry-After. Default 30.</summary>
    public int WalkInsPerMinute { get; set; } = 30;

    /// <summary>The parsed <see cref="WalkInScope"/> (valid once <see cref="Validate"/> found nothing).</summary>
    public WalkInScope Scope => Parse(WalkInScope) ?? Domain.Access.WalkInScope.Region;

    /// <summary>Every problem, naming the setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (Parse(WalkInScope) is null) yield return $"Access:WalkInScope is '{WalkInScope}'; expected region, home-store or anywhere";
        if (WalkInsPerMinute is < 1 or > 10_000) yield return "Access:WalkInsPerMinute must be from 1 to 10000";
    }

    private static WalkInScope? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "region" => Domain.Access.WalkInScope.Region,
        "home-store" => Domain.Access.WalkInScope.HomeStore,
        "anywhere" => Domain.Access.WalkInScope.Anywhere,
        _ => null,
    };
}
