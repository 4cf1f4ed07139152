namespace Customer360.Grains.Rules;

/// <summary>How silos follow rule settings changes. Bound from configuration section <c>Rules</c>.</summary>
public sealed class RulesOptions
{
    /// <summary>How often each silo reads the settings version. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Profiles re-evaluated at once after a change. Default 16.</summary>
    public int ReevaluationParallelism { get; set; } = 16;
}
