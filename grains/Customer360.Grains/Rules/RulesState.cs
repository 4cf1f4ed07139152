using Customer360.Domain.Rules;

namespace Customer360.Grains.Rules;

/// <summary>The persisted rule settings and who changed them last.</summary>
public sealed class RulesState
{
    public RuleSettings Settings { get; set; } = RuleSettings.Defaults;

    public string? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }
}
