using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Views;

/// <summary>
/// What a console is shown of a profile: a projection, never the whole state, so that fields can be masked
/// per role in one place and reasons are worded in the console's language.
/// </summary>
public sealed record ProfileView(
    string CustomerId,
    long Version,
    IdentityView Identity,
    ProductHolding? Products,
    DeviceInfo? Device,
    UsageView Usage,
    BillingView Billing,
    IReadOnlyList<Touchpoint> RecentTouchpoints,
    DerivedView Derived,
    AccountClosure? Closure,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<WorkOrder> WorkOrders)
{
    private const int HistoryMonths = 6;

    public static ProfileView From(CustomerProfile p, DateTimeOffset now, string language)
    {
        var id = p.Identity ?? throw new InvalidOperationException($"customer {p.CustomerId} is not registered");
        ReasonView R(Reason r) => new(r.Code, ReasonText.Render(r, language));
        var today = OperatorCalendar.DateOf(now);
        var tenureMonths = Math.Max(0, (today.Year - id.JoinedOn.Year) * 12 + today.Month - id.JoinedOn.Month - (today.Day < id.JoinedOn.Day ? 1 : 0));
        var d = p.Derived;
        return new ProfileView(
            p.CustomerId,
            p.Version,
            new IdentityView(id.Name, id.Msisdn, id.Region, id.HomeStoreId, id.AccountManagerId, id.PhoneManagerId, id.JoinedOn,
                tenureMonths, id.Birthday, id.Gender, id.Occupation, id.Interests, id.GroupId, id.GroupClass, id.KeyPerson, id.FamilyDecisionMaker),
            p.Products,
            p.Device,
            UsageOf(p, now),
            BillingOf(p),
            p.Touchpoints.TakeLast(10).Reverse().ToList(),
            new DerivedView(
                d.Tier is { } t ? new TierView(t.Tier, t.Stars, t.Card, R(t.Reason), t.Since) : null,
                d.Stage is { } s ? new StageView(s.Stage, R(s.Reason), s.Since) : null,
                [.. d.Tags.Select(tag => new TagView(tag.Code, tag.Source, tag.Reason is { } r ? R(r) : null, tag.Author, tag.At))],
                [.. d.Alerts.Where(a => a.State != AlertState.Resolved)
                    .OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt)
                    .Select(a => new AlertView(a.Id, a.Kind, a.Category, a.Severity, a.State, R(a.Reason), a.RaisedAt, a.Owner, a.SnoozedUntil))],
                [.. d.Actions.Select(a => new ActionView(a.Code, a.Family, R(a.Reason)))],
                d.SatisfactionIndex, d.InMidHighBase, d.RulesVersion),
            p.Closure,
            p.UpdatedAt,
            WorkOrderList.Ordered(p.WorkOrders));
    }

    private static UsageView UsageOf(CustomerProfile p, DateTimeOffset now)
    {
        var month = OperatorCalendar.MonthOf(now);
        var u = p.UsageIn(month);
        static decimal? Percent(decimal used, decimal allowance) => allowance > 0 ? Math.Round(used * 100 / allowance, 1) : null;
        var history = p.Usage.Keys.Where(m => string.CompareOrdinal(m, month) < 0).OrderDescending().Take(HistoryMonths)
            .Select(m => new MonthUsageView(m, p.Usage[m].DataMb, p.Usage[m].VoiceMinutes, p.Usage[m].Sms)).ToList();
        return new UsageView(month, u.DataMb, u.VoiceMinutes, u.Sms, u.RoamingDataMb, u.CompetitorServiceCalls,
            p.Products is { } plan ? Percent(u.DataMb, plan.DataMb) : null,
            p.Products is { } plan2 ? Percent(u.VoiceMinutes, plan2.VoiceMinutes) : null,
            history);
    }

    private static BillingView BillingOf(CustomerProfile p)
    {
        var bills = p.Billing.BilledByMonth.Reverse().Take(HistoryMonths).Select(b => new MonthAmountView(b.Key, b.Value)).ToList();
        return new BillingView(bills, bills.Take(3).Sum(b => b.Amount), p.Billing.Balance, p.Billing.Outstanding, p.Billing.ArrearsSince);
    }
}
