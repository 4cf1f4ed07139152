using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;

namespace Customer360.Domain.Views;

/// <summary>
/// One line about a customer for lists: the portfolio, the alert queue, a store's walk-ins, search results.
/// It changes only when what a list shows changes (tier, stage, tags, alerts, managers), not with every usage
/// record, so the customer grain can tell cheaply when its lists need telling.
/// </summary>
public sealed record CustomerSummary(
    string CustomerId,
    long Version,
    string Name,
    string Msisdn,
    string Region,
    string? HomeStoreId,
    string? AccountManagerId,
    string? PhoneManagerId,
    Tier? Tier,
    int Stars,
    LifecycleStage? Stage,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AlertSummary> OpenAlerts,
    int Attention,
    bool InMidHighBase,
    bool Retained,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ClosedAt = null)
{
    /// <summary>The summary of a registered profile, or null.</summary>
    public static CustomerSummary? Of(CustomerProfile p)
    {
        if (p.Identity is not { } id) return null;
        var d = p.Derived;
        var alerts = d.Alerts.Where(a => a.State != AlertState.Resolved)
            .OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt)
            .Select(a => new AlertSummary(a.Id, a.Kind, a.Severity, a.State, a.Owner, a.RaisedAt, a.SnoozedUntil)).ToList();
        return new CustomerSummary(p.CustomerId, p.Version, id.Name, id.Msisdn, id.Region, id.HomeStoreId, id.AccountManagerId,
            id.PhoneManagerId, d.Tier?.Tier, d.Tier?.Stars ?? 0, d.Stage?.Stage, [.. d.Tags.Select(t => t.Code)], alerts,
            AttentionOf(d.Tier?.Tier, d.Stage?.Stage, alerts), d.InMidHighBase, ProfileRules.IsRetained(p), p.UpdatedAt,
            p.Closure?.At);
    }

    /// <summary>
    /// How much a customer needs attention now, for sorting a portfolio: open (not snoozed) alerts by severity
    /// first, then a declining stage, then value. Higher first.
    /// </summary>
    public static int AttentionOf(Tier? tier, LifecycleStage? stage, IReadOnlyList<AlertSummary> alerts)
    {
        var score = 0;
        foreach (var a in alerts)
            if (a.State == AlertState.Open) score += 100 << (int)a.Severity;
            else if (a.State == AlertState.Acknowledged) score += 10 << (int)a.Severity;
        if (stage == LifecycleStage.Declining) score += 50;
        return score + (int)(tier ?? Derived.Tier.Mass);
    }
}
