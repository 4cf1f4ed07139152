using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Domain.Access;

/// <summary>
/// The views of masked viewers (store staff at the counter: <see cref="AccessRules.Masks"/>), built from nothing
/// by the allow-list <see cref="MaskedFields"/>: each field is named and copied, masked (phone 138****1234, name
/// to its first character), number-masked (free text, <see cref="FreeText.MaskNumbers"/>) or left out. Every
/// record is constructed with all its arguments, so a field added to a view does not compile here until someone
/// decides what store staff get of it. Done on the server: the unmasked values never reach such a console.
/// </summary>
public static partial class PersonalDataMasking
{
    public static ProfileView Mask(ProfileView v) => new(
        CustomerId: v.CustomerId,
        Version: v.Version,
        Identity: Mask(v.Identity),
        Products: v.Products is { } p ? Mask(p) : null,
        Device: v.Device is { } d ? new DeviceInfo(d.Brand, d.Model, d.PriceBand, d.DualSim, d.InUseSince) : null,
        Usage: Mask(v.Usage),
        Billing: new BillingView([.. v.Billing.Bills.Select(b => new MonthAmountView(b.Month, b.Amount))], v.Billing.A3, v.Billing.Balance,
            v.Billing.Outstanding, v.Billing.ArrearsSince),
        RecentTouchpoints: [.. v.RecentTouchpoints.Select(Mask)],
        Derived: Mask(v.Derived, v.CustomerId),
        Closure: v.Closure is { } c ? new AccountClosure(c.At, c.PortedOut) : null,
        UpdatedAt: v.UpdatedAt,
        WorkOrders: [.. v.WorkOrders.Select(Mask)]);

    private static IdentityView Mask(IdentityView i) => new(
        Name: Masking.Name(i.Name),
        Msisdn: Masking.Msisdn(i.Msisdn),
        Region: i.Region,
        HomeStoreId: i.HomeStoreId,
        AccountManagerId: i.AccountManagerId,
        PhoneManagerId: i.PhoneManagerId,
        JoinedOn: i.JoinedOn,
        TenureMonths: i.TenureMonths,
        Birthday: null,
        Gender: i.Gender,
        Occupation: null,
        Interests: null,
        GroupId: null,
        GroupClass: i.GroupClass,
        KeyPerson: i.KeyPerson,
        FamilyDecisionMaker: i.FamilyDecisionMaker);

    private static ProductHolding Mask(ProductHolding p) => new(p.PlanName, p.MonthlyFee, p.VoiceMinutes, p.DataMb, p.Sms, p.Broadband,
        p.VirtualNetwork, p.ValueAddedServices, p.ContractEnd, p.PaymentMode, p.AutoPay);

    private static UsageView Mask(UsageView u) => new(u.Month, u.DataMb, u.VoiceMinutes, u.Sms, u.RoamingDataMb, u.CompetitorServiceCalls,
        u.DataSaturationPercent, u.VoiceSaturationPercent, [.. u.History.Select(h => new MonthUsageView(h.Month, h.DataMb, h.VoiceMinutes, h.Sms))]);

    private static Touchpoint Mask(Touchpoint t) => new(
        EventId: FreeText.MaskNumbers(t.EventId)!,
        At: t.At,
        Channel: t.Channel,
        Kind: t.Kind,
        StoreId: t.StoreId,
        StaffId: t.StaffId,
        Stage: t.Stage,
        Category: t.Category,
        Score: t.Score,
        Reference: FreeText.MaskNumbers(t.Reference),
        Note: null);

    private static DerivedView Mask(DerivedView d, string customerId) => new(
        Tier: d.Tier is { } t ? new TierView(t.Tier, t.Stars, t.Card, Mask(t.Reason), t.Since) : null,
        Stage: d.Stage is { } s ? new StageView(s.Stage, Mask(s.Reason), s.Since) : null,
        Tags: [.. d.Tags.Select(t => new TagView(FreeText.MaskNumbers(t.Code)!, t.Source, t.Reason is { } r ? Mask(r) : null, t.Author, t.At))],
        Alerts: [.. d.Alerts.Select(a => new AlertView(AlertId(a.Id, customerId), a.Kind, a.Category, a.Severity, a.State, Mask(a.Reason), a.RaisedAt, a.Owner, a.SnoozedUntil))],
        Actions: [.. d.Actions.Select(a => new ActionView(a.Code, a.Family, Mask(a.Reason)))],
        SatisfactionIndex: d.SatisfactionIndex,
        InMidHighBase: d.InMidHighBase,
        RulesVersion: d.RulesVersion);

    private static ReasonView Mask(ReasonView r) => new(r.Code, FreeText.MaskNumbers(r.Text)!);

    /// <summary>
    /// An alert's id is <c>{customer}-{key}-{version}</c>, and some keys quote free text (a complaint's
    /// reference): numbers are masked after the customer id, which stays whole, so the id of an alert store
    /// staff may act on (walk-in: store and date) still names it.
    /// </summary>
    private static string AlertId(string id, string customerId) =>
        id.StartsWith(customerId + "-", StringComparison.Ordinal)
            ? string.Concat(customerId, "-", FreeText.MaskNumbers(id[(customerId.Length + 1)..]))
            : FreeText.MaskNumbers(id)!;
}
