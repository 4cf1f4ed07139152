using System.Collections.Immutable;

namespace Customer360.Contracts;

/// <summary>
/// The outcome of a rules update: the settings version now in force, and the problems if refused.
/// <see cref="Conflict"/> says the refusal was a stale version rather than a bad setting.
/// </summary>
[GenerateSerializer, Immutable, Alias("c360.rules-update-result")]
public sealed record RulesUpdateResult(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<string> Errors,
    [property: Id(2)] bool Conflict = false)
{
    public bool Accepted => Errors.IsEmpty;
}
