using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>
/// What staff do to a profile, as journaled events: alert actions and manual tags. <see cref="Refusal"/> runs
/// before the event is stored (the grain journals only what would apply); <see cref="Apply"/> then makes the
/// change, on the live profile and again on replay.
/// </summary>
public static class StaffActions
{
    /// <summary>Why <paramref name="payload"/> cannot be applied to the profile as it stands, or null.</summary>
    public static string? Refusal(CustomerProfile profile, EventPayload payload, DateTimeOffset at) => payload switch
    {
        AlertActionTaken a => AlertActions.Refusal(profile, a, at),
        ManualTagChanged { Added: true } t => ManualTags.AddRefusal(profile, t.Tag, t.By),
        ManualTagChanged t => ManualTags.RemoveRefusal(profile, t.Tag),
        _ => null,
    };

    /// <summary>Applies a staff event; returns the derived section it changed, or the reason it did not apply.</summary>
    public static ApplyOutcome Apply(CustomerProfile profile, EventPayload payload, DateTimeOffset at)
    {
        var refusal = payload switch
        {
            AlertActionTaken { Action: AlertActionKind.Acknowledge } a => AlertActions.Acknowledge(profile, a.AlertId, a.By, at),
            AlertActionTaken { Action: AlertActionKind.Snooze } a => AlertActions.Snooze(profile, a.AlertId, a.Until ?? at, a.By, at),
            AlertActionTaken a => AlertActions.Resolve(profile, a.AlertId, a.Outcome ?? "", a.By, at),
            ManualTagChanged { Added: true } t => ManualTags.Add(profile, t.Tag, t.By, at),
            ManualTagChanged t => ManualTags.Remove(profile, t.Tag),
            _ => $"type '{payload.Type}' is not a staff action",
        };
        if (refusal is not null) return ApplyOutcome.Rejected(refusal);
        return ApplyOutcome.Changes(payload is AlertActionTaken ? DerivedSection.Alerts : DerivedSection.Tags);
    }
}
