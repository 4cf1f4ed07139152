using Customer360.Domain.Rules;

namespace Customer360.Contracts;

/// <summary>
/// The one set of rule settings of the cluster (key 0). Silos poll it and re-evaluate their active profiles
/// when its version moves; inactive profiles pick the new settings up when they next activate.
/// </summary>
[Alias("c360.rules")]
public interface IRulesGrain : IGrainWithIntegerKey
{
    [Alias("get")]
    Task<RuleSettings> Get();

    /// <summary>
    /// Validates and stores <paramref name="settings"/> as the next version. Returns the problems (each naming
    /// the setting) and keeps the current settings when there are any. <paramref name="expectedVersion"/>, when
    /// given, must be the current version, so two administrators cannot overwrite each other unknowingly.
    /// </summary>
    [Alias("update")]
    Task<RulesUpdateResult> Update(RuleSettings settings, long? expectedVersion, string changedBy);
}
