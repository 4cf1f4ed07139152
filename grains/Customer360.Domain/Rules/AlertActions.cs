using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// What staff do with an alert: acknowledge, snooze, resolve. Each returns why it was refused, or null when
/// done. They change only the alert; the grain bumps the profile version and pushes the change.
/// </summary>
public static class AlertActions
{
    /// <summary>Takes the alert on (open or snoozed → acknowledged). Acknowledging an acknowledged alert is a no-op.</summary>
    public static string? Acknowledge(CustomerProfile profile, string alertId, string by, DateTimeOffset now)
    {
        if (Find(profile, alertId, by, out var alert) is { } refusal) return refusal;
        alert!.State = AlertState.Acknowledged;
        alert.SnoozedUntil = null;
        return null;
    }

    /// <summary>Puts the alert aside until <paramref name="until"/>; then it is open again.</summary>
    public static string? Snooze(CustomerProfile profile, string alertId, DateTimeOffset until, string by, DateTimeOffset now)
    {
        if (Find(profile, alertId, by, out var alert) is { } refusal) return refusal;
        if (until <= now) return "snooze time must be in the future";
        alert!.State = AlertState.Snoozed;
        alert.SnoozedUntil = until;
        return null;
    }

    /// <summary>Closes the alert with the outcome a person gave (e.g. "customer took the 5G upgrade").</summary>
    public static string? Resolve(CustomerProfile profile, string alertId, string outcome, string by, DateTimeOffset now)
    {
        if (Find(profile, alertId, by, out var alert) is { } refusal) return refusal;
        if (OutcomeRefusal(outcome) is { } bad) return bad;
        alert!.State = AlertState.Resolved;
        alert.SnoozedUntil = null;
        alert.ResolvedAt = now;
        alert.ResolvedBy = by;
        alert.Resolution = Reason(ReasonCodes.AlertResolvedByStaff, ("outcome", outcome.Trim()), ("by", by));
        AlertBook.Trim(profile.Derived.Alerts);
        return null;
    }

    /// <summary>Why <paramref name="action"/> cannot be taken on the profile as it stands, or null: checked before it is stored.</summary>
    public static string? Refusal(CustomerProfile profile, Events.AlertActionTaken action, DateTimeOffset now)
    {
        if (Find(profile, action.AlertId, action.By, out _) is { } refusal) return refusal;
        return action.Action switch
        {
            Events.AlertActionKind.Snooze when action.Until is not { } until || until <= now => "snooze time must be in the future",
            Events.AlertActionKind.Resolve => OutcomeRefusal(action.Outcome),
            _ => null,
        };
    }

    private static string? OutcomeRefusal(string? outcome) =>
        string.IsNullOrWhiteSpace(outcome) ? "an outcome is required to resolve an alert"
        : outcome.Length > 500 ? "the outcome must be at most 500 characters"
        : null;

    private static string? Find(CustomerProfile profile, string alertId, string by, out Alert? alert)
    {
        alert = profile.Derived.Alerts.FirstOrDefault(a => a.Id == alertId);
        if (alert is null) return $"alert {alertId} not found";
        if (string.IsNullOrWhiteSpace(by)) return "who acts on the alert is required";
        return alert.State == AlertState.Resolved ? $"alert {alertId} is already resolved" : null;
    }
}
