using System.Collections.Immutable;

namespace Customer360.Contracts;

/// <summary>The outcome of a rules update: the settings version now in force, and the problems if refused.</summary>
[GenerateSerializer, Immutable, Alias("c360.rules-update-result")]
public sealed record RulesUpdateResult(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<string> Errors)
{
    public bool Accepted => Errors.IsEmpty;
}
