using System.Text.Json;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// The alert catalogue of DOMAIN.md: which conditions hold now. Keys carry what the alert fired for where one
/// kind recurs for different things (a month, a date, a complaint), so each occurrence is its own alert.
/// Reasons hold no running totals, so an alert is not "changed" by every usage record.
/// </summary>
internal static class AlertRules
{
    public static string KindName(AlertKind kind) => KindNames.TryGetValue(kind, out var name) ? name : WireName(kind);

    // Alert keys are built from kind names on every derivation: name each kind once.
    private static readonly Dictionary<AlertKind, string> KindNames = Enum.GetValues<AlertKind>().ToDictionary(k => k, WireName);

    private static string WireName(AlertKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    public static IReadOnlyList<AlertCondition> Conditions(CustomerProfile p, RuleSettings rules, DateTimeOffset now, IReadOnlyList<DeclineSignal> signals)
    {
        var list = new List<AlertCondition>();
        void Add(AlertKind kind, AlertCategory category, AlertSeverity severity, Reason reason, string? on = null) =>
            list.Add(new(Key(kind, on), kind, category, severity, reason));
        var churned = p.Closure is not null;
        var today = Today(now);

        // A churned customer may still owe money or have a complaint open; nothing else is worth a call.
        if (ArrearsSince(p, now) is { } since)
            Add(AlertKind.Arrears, AlertCategory.Service, AlertSeverity.High, Reason(ReasonCodes.AlertArrears,
                ("since", Date(since)), ("balance", Amount(p.Billing.Balance)), ("outstanding", Amount(p.Billing.Outstanding))));
        foreach (var c in p.OpenComplaints.OrderBy(c => c.OpenedAt))
        {
            var overdue = OperatorDays.DaysBetween(OperatorCalendar.DateOf(c.OpenedAt), today) > rules.ComplaintOpenDeclineDays;
            Add(AlertKind.Complaint, AlertCategory.Service, overdue ? AlertSeverity.High : AlertSeverity.Medium, overdue
                ? Reason(ReasonCodes.AlertComplaintOverdue, ("reference", c.Reference), ("openedOn", Date(c.OpenedAt)), ("days", Number(rules.ComplaintOpenDeclineDays)))
                : Reason(ReasonCodes.AlertComplaint, ("reference", c.Reference), ("openedOn", Date(c.OpenedAt))), c.Reference);
        }
        if (churned) return list;

        if (signals.Count > 0)
            Add(AlertKind.ChurnRisk, AlertCategory.Service, ChurnSeverity(p.Derived.Tier?.Tier ?? Tier.Mass), signals[0].Reason);
        Spend(p, rules, Add);
        if (p.Products is { PaymentMode: PaymentMode.Prepaid } && p.Billing.Balance < rules.LowBalance)
            Add(AlertKind.LowBalance, AlertCategory.Service, AlertSeverity.Medium, Reason(ReasonCodes.AlertLowBalance,
                ("balance", Amount(p.Billing.Balance)), ("line", Amount(rules.LowBalance))));
        if (p.Products?.ContractEnd is { } end && end >= today && OperatorDays.DaysBetween(today, end) <= rules.ContractExpiringDays)
            Add(AlertKind.ContractExpiring, AlertCategory.Service, AlertSeverity.Medium, Reason(ReasonCodes.AlertContractExpiring,
                ("end", Date(end)), ("days", Number(rules.ContractExpiringDays))), Date(end));

        if (Saturation(p, rules, now) is { } saturation) list.Add(saturation);
        if (UnderUsed(p, rules, now))
            Add(AlertKind.PlanUnderUse, AlertCategory.Marketing, AlertSeverity.Low, Reason(ReasonCodes.AlertUnderUse,
                ("months", Number(rules.UnderUseMonths)), ("line", Amount(rules.UnderUsePercent))));
        if (DeviceAging(p, rules, now) is { } device)
            Add(AlertKind.DeviceAging, AlertCategory.Marketing, AlertSeverity.Low, Reason(ReasonCodes.AlertDeviceAging,
                ("model", $"{device.Brand} {device.Model}"), ("since", Date(device.InUseSince)), ("months", Number(rules.DeviceAgingMonths))));

        foreach (var care in CareMoments.Conditions(p, rules, now)) list.Add(care);
        return list;
    }

    /// <summary>The handset if it has been in use for the aging months (the device-upgrade moment).</summary>
    public static DeviceInfo? DeviceAging(CustomerProfile p, RuleSettings rules, DateTimeOffset now) =>
        p.Device is { } d && Today(now) >= d.InUseSince.AddMonths(rules.DeviceAgingMonths) ? d : null;

    /// <summary>Moments an alert condition starts, ends or changes severity with no event.</summary>
    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        if (OverdueFrom(p) is { } overdue) yield return overdue;
        foreach (var c in p.OpenComplaints)
            yield return OperatorDays.StartOf(OperatorCalendar.DateOf(c.OpenedAt).AddDays(rules.ComplaintOpenDeclineDays + 1));
        foreach (var a in p.Derived.Alerts)
            if (a is { State: AlertState.Snoozed, SnoozedUntil: { } until }) yield return until;
        if (p.Closure is not null) yield break;
        if (p.Products?.ContractEnd is { } end)
        {
            yield return OperatorDays.StartOf(end.AddDays(-rules.ContractExpiringDays));
            yield return OperatorDays.StartOf(end.AddDays(1));
        }
        if (p.Device is { } d) yield return OperatorDays.StartOf(d.InUseSince.AddMonths(rules.DeviceAgingMonths));
        foreach (var moment in CareMoments.Moments(p, rules, now)) yield return moment;
    }

    private static AlertSeverity ChurnSeverity(Tier tier) => tier switch
    {
        Tier.Strategic => AlertSeverity.Critical,
        Tier.MidHigh or Tier.GroupMidHigh => AlertSeverity.High,
        _ => AlertSeverity.Medium,
    };

    private static void Spend(CustomerProfile p, RuleSettings rules, Action<AlertKind, AlertCategory, AlertSeverity, Reason, string?> add)
    {
        if (LatestClosedMonth(p) is not { } month || TrailingBillAverage(p, month) is not { } average) return;
        var amount = Billed(p, month);
        (string, string)[] args = [("month", month), ("amount", Amount(amount)), ("average", Amount(Math.Round(average, 2))), ("percent", PercentChange(amount, average))];
        if (amount >= average * (1 + rules.SpendSpikePercent / 100))
            add(AlertKind.SpendSpike, AlertCategory.Service, AlertSeverity.Medium, Reason(ReasonCodes.AlertSpendSpike, args), month);
        else if (amount <= average * (1 - rules.SpendDropPercent / 100))
            add(AlertKind.SpendDrop, AlertCategory.Service, AlertSeverity.Medium, Reason(ReasonCodes.AlertSpendDrop, args), month);
    }

    private static string Key(AlertKind kind, string? on) => on is null ? KindName(kind) : $"{KindName(kind)}:{on}";

    /// <summary>The key of this month's plan-saturation alert.</summary>
    public static string SaturationKey(DateTimeOffset now) => Key(AlertKind.PlanSaturation, ThisMonth(now));

    /// <summary>This month's plan saturation, if an allowance is used beyond the line: the one alert this month's running usage counters feed.</summary>
    public static AlertCondition? Saturation(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        if (p.Products is not { } plan) return null;
        var month = ThisMonth(now);
        var usage = p.UsageIn(month);
        var line = rules.SaturationPercent / 100;
        Reason? reason = null;
        if (plan.DataMb > 0 && usage.DataMb > plan.DataMb * line)
            reason = Reason(ReasonCodes.AlertSaturationData, ("allowance", Amount(plan.DataMb)), ("line", Amount(rules.SaturationPercent)));
        else if (plan.VoiceMinutes > 0 && usage.VoiceMinutes > plan.VoiceMinutes * line)
            reason = Reason(ReasonCodes.AlertSaturationVoice, ("allowance", Amount(plan.VoiceMinutes)), ("line", Amount(rules.SaturationPercent)));
        return reason is null ? null
            : new(Key(AlertKind.PlanSaturation, month), AlertKind.PlanSaturation, AlertCategory.Marketing, AlertSeverity.Low, reason);
    }

    /// <summary>Every allowance of the plan used under the line in each of the last complete months, held in full.</summary>
    private static bool UnderUsed(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        if (p.Products is not { } plan || (plan.DataMb <= 0 && plan.VoiceMinutes <= 0)) return false;
        var months = CompleteMonths(p, now, rules.UnderUseMonths);
        if (months.Count < rules.UnderUseMonths) return false;
        var line = rules.UnderUsePercent / 100;
        return months.All(m =>
            (plan.DataMb <= 0 || p.UsageIn(m).DataMb < plan.DataMb * line) &&
            (plan.VoiceMinutes <= 0 || p.UsageIn(m).VoiceMinutes < plan.VoiceMinutes * line));
    }
}
