using System.Globalization;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Keeps the alert list in step with the conditions that hold: raises what is new, updates what is already
/// raised (no duplicates), resolves what cleared, reopens what a snooze has run out on, and keeps the last
/// <see cref="MaxResolved"/> resolved alerts.
/// </summary>
/// <remarks>
/// An alert a person resolved while its condition still held is not raised again until the condition has
/// cleared (recorded as "conditionClearedOn" on its resolution): otherwise closing it on the phone would
/// bring it straight back. Walk-in alerts belong to the grain and are never resolved here.
/// </remarks>
internal static class AlertBook
{
    public const int MaxResolved = 20;
    private const string ClearedArg = "conditionClearedOn";

    public static (bool Changed, List<Alert> Raised, List<Alert> Resolved) Apply(
        CustomerProfile p, IReadOnlyList<AlertCondition> conditions, DateTimeOffset now)
    {
        var alerts = p.Derived.Alerts;
        // One alert per key, even if settings list two holidays on one date: the first condition listed holds.
        var holding = new Dictionary<string, AlertCondition>(conditions.Count, StringComparer.Ordinal);
        var distinct = new List<AlertCondition>(conditions.Count);
        foreach (var c in conditions)
            if (holding.TryAdd(c.Key, c)) distinct.Add(c);
        var raised = new List<Alert>();
        var resolved = new List<Alert>();
        var changed = false;

        foreach (var a in alerts)
        {
            if (a is { State: AlertState.Snoozed, SnoozedUntil: { } until } && until <= now)
            {
                a.State = AlertState.Open;
                a.SnoozedUntil = null;
                changed = true;
            }
            if (a.Kind == AlertKind.WalkIn || holding.ContainsKey(a.Key)) continue;
            if (a.State != AlertState.Resolved)
            {
                a.State = AlertState.Resolved;
                a.SnoozedUntil = null;
                a.ResolvedAt = now;
                a.Resolution = Reason(ReasonCodes.AlertAutoResolved, ("kind", AlertRules.KindName(a.Kind)));
                resolved.Add(a);
                changed = true;
            }
            else if (a is { ResolvedBy: not null, Resolution: { } resolution } && Arg(resolution, ClearedArg) is null)
            {
                a.Resolution = With(resolution, ClearedArg, Date(now));
                changed = true;
            }
        }

        foreach (var c in distinct)
        {
            var latest = Latest(alerts, c.Key);
            if (latest is { State: not AlertState.Resolved })
            {
                if (latest.Severity == c.Severity && latest.Reason == c.Reason) continue;
                latest.Severity = c.Severity;
                latest.Reason = c.Reason;
                changed = true;
                continue;
            }
            if (latest is { ResolvedBy: not null } && Arg(latest.Resolution, ClearedArg) is null) continue;
            var alert = new Alert
            {
                Id = NewId(p, c.Key),
                Key = c.Key,
                Kind = c.Kind,
                Category = c.Category,
                Severity = c.Severity,
                Reason = c.Reason,
                RaisedAt = now,
                Owner = p.Identity!.PhoneManagerId,
                State = AlertState.Open,
            };
            alerts.Add(alert);
            raised.Add(alert);
            changed = true;
        }
        return (Trim(alerts) || changed, raised, resolved);
    }

    /// <summary>
    /// Raises the walk-in alert (进店) for a customer identified at a store's counter: owned by that store, one
    /// per store and day, more severe for strategic customers. False when that day's alert is already there.
    /// Who qualifies is the caller's to decide (DOMAIN.md: strategic and mid/high customers).
    /// </summary>
    public static bool RaiseWalkIn(CustomerProfile p, string storeId, DateTimeOffset at)
    {
        var key = $"{AlertRules.KindName(AlertKind.WalkIn)}:{storeId}:{Date(at)}";
        if (Latest(p.Derived.Alerts, key) is not null) return false;
        p.Derived.Alerts.Add(new Alert
        {
            Id = NewId(p, key),
            Key = key,
            Kind = AlertKind.WalkIn,
            Category = AlertCategory.Service,
            Severity = p.Derived.Tier?.Tier == Tier.Strategic ? AlertSeverity.High : AlertSeverity.Medium,
            Reason = Reason(ReasonCodes.AlertWalkIn, ("store", storeId)),
            RaisedAt = at,
            Owner = storeId,
            State = AlertState.Open,
        });
        return true;
    }

    /// <summary>
    /// True when <see cref="Apply"/> would leave every alert of <paramref name="key"/> as it is, given the
    /// condition of that key that holds (or null). Snoozes running out are moments, not considered here.
    /// </summary>
    public static bool Settled(CustomerProfile p, string key, AlertCondition? holding)
    {
        var alerts = p.Derived.Alerts;
        if (holding is not null)
        {
            var latest = Latest(alerts, key);
            // Raised already and unchanged, or resolved by a person while it held (then it is not raised again).
            return latest is { State: not AlertState.Resolved }
                ? latest.Severity == holding.Severity && latest.Reason == holding.Reason
                : latest is { ResolvedBy: not null } && Arg(latest.Resolution, ClearedArg) is null;
        }
        // Nothing left to resolve automatically, nor a person's resolution waiting to note that it cleared.
        foreach (var a in alerts)
            if (a.Key == key && (a.State != AlertState.Resolved || a is { ResolvedBy: not null, Resolution: { } resolution } && Arg(resolution, ClearedArg) is null))
                return false;
        return true;
    }

    /// <summary>The most recent alert with this key, in whatever state.</summary>
    private static Alert? Latest(List<Alert> alerts, string key)
    {
        for (var i = alerts.Count - 1; i >= 0; i--)
            if (alerts[i].Key == key) return alerts[i];
        return null;
    }

    /// <summary>Drops the oldest resolved alerts beyond <see cref="MaxResolved"/>; open ones are never dropped.</summary>
    public static bool Trim(List<Alert> alerts)
    {
        var excess = alerts.Count(a => a.State == AlertState.Resolved) - MaxResolved;
        if (excess <= 0) return false;
        var drop = alerts.Where(a => a.State == AlertState.Resolved).OrderBy(a => a.ResolvedAt).Take(excess).ToHashSet();
        alerts.RemoveAll(drop.Contains);
        return true;
    }

    /// <summary>
    /// "{customer}-{key}-{version}": the profile version counts applied events, so replaying the journal and
    /// deriving at the same points gives the same ids. Two raises of one key at one version get a suffix.
    /// </summary>
    private static string NewId(CustomerProfile p, string key)
    {
        var id = $"{p.CustomerId}-{key}-{p.Version.ToString(CultureInfo.InvariantCulture)}";
        var candidate = id;
        for (var n = 2; p.Derived.Alerts.Any(a => a.Id == candidate); n++) candidate = $"{id}.{n.ToString(CultureInfo.InvariantCulture)}";
        return candidate;
    }
}
