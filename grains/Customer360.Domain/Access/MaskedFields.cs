using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Access;

/// <summary>
/// The allow-list of masked viewers (store staff, <see cref="AccessRules.Masks"/>): for every field of every view
/// they can be given — profile, list line, walk-in, work order, timeline event — what they get of it.
/// <see cref="PersonalDataMasking"/> builds their views from nothing by these rules; the domain tests hold the two
/// together and fail when a field of those views is not listed here, so a field added later reaches store staff
/// only once someone has decided how. A field holding a record is <see cref="MaskRule.Shown"/> when it is built
/// field by field by the rules of that record's own fields.
/// </summary>
public static class MaskedFields
{
    /// <summary>The rule of each field, keyed <c>TypeName.PropertyName</c>.</summary>
    public static IReadOnlyDictionary<string, MaskRule> Rules { get; } = Build();

    /// <summary>The rule of <paramref name="type"/>'s property <paramref name="property"/>, or null when none was decided.</summary>
    public static MaskRule? Of(Type type, string property) => Rules.TryGetValue($"{type.Name}.{property}", out var rule) ? rule : null;

    private static Dictionary<string, MaskRule> Build()
    {
        var rules = new Dictionary<string, MaskRule>(StringComparer.Ordinal);
        void Set<T>(MaskRule rule, params string[] properties)
        {
            foreach (var p in properties) rules.Add($"{typeof(T).Name}.{p}", rule);
        }
        const MaskRule S = MaskRule.Shown, M = MaskRule.Masked, N = MaskRule.NumbersMasked, H = MaskRule.Hidden;

        // The profile.
        Set<ProfileView>(S, "CustomerId", "Version", "Identity", "Products", "Device", "Usage", "Billing", "RecentTouchpoints",
            "Derived", "Closure", "UpdatedAt", "WorkOrders");
        Set<IdentityView>(M, "Name", "Msisdn");
        Set<IdentityView>(S, "Region", "HomeStoreId", "AccountManagerId", "PhoneManagerId", "JoinedOn", "TenureMonths", "Gender",
            "GroupClass", "KeyPerson", "FamilyDecisionMaker");
        Set<IdentityView>(H, "Birthday", "Occupation", "Interests", "GroupId");
        Set<ProductHolding>(S, "PlanName", "MonthlyFee", "VoiceMinutes", "DataMb", "Sms", "Broadband", "VirtualNetwork",
            "ValueAddedServices", "ContractEnd", "PaymentMode", "AutoPay");
        Set<DeviceInfo>(S, "Brand", "Model", "PriceBand", "DualSim", "InUseSince");
        Set<UsageView>(S, "Month", "DataMb", "VoiceMinutes", "Sms", "RoamingDataMb", "CompetitorServiceCalls", "DataSaturationPercent",
            "VoiceSaturationPercent", "History");
        Set<MonthUsageView>(S, "Month", "DataMb", "VoiceMinutes", "Sms");
        Set<BillingView>(S, "Bills", "A3", "Balance", "Outstanding", "ArrearsSince");
        Set<MonthAmountView>(S, "Month", "Amount");
        Set<Touchpoint>(S, "At", "Channel", "Kind", "StoreId", "StaffId", "Stage", "Category", "Score");
        // Producers choose event ids, and some build them from the phone number.
        Set<Touchpoint>(N, "EventId", "Reference");
        Set<Touchpoint>(H, "Note");
        Set<DerivedView>(S, "Tier", "Stage", "Tags", "Alerts", "Actions", "SatisfactionIndex", "InMidHighBase", "RulesVersion");
        Set<TierView>(S, "Tier", "Stars", "Card", "Reason", "Since");
        Set<StageView>(S, "Stage", "Reason", "Since");
        // A manual tag's code is the words its author typed.
        Set<TagView>(N, "Code");
        Set<TagView>(S, "Source", "Reason", "Author", "At");
        // An alert's id quotes its key, and a complaint's key its reference: numbers masked after the customer id.
        Set<AlertView>(N, "Id");
        Set<AlertView>(S, "Kind", "Category", "Severity", "State", "Reason", "RaisedAt", "Owner", "SnoozedUntil");
        Set<ActionView>(S, "Code", "Family", "Reason");
        // A reason's words carry its arguments, some of them free text (a complaint's reference).
        Set<ReasonView>(S, "Code");
        Set<ReasonView>(N, "Text");
        Set<AccountClosure>(S, "At", "PortedOut");

        // Work orders: the store needs the dispatcher's instructions, so they are kept with their numbers masked.
        Set<WorkOrder>(S, "Id", "CustomerId", "Kind", "Addressee", "DispatchedBy", "DispatchedAt", "DueAt", "State", "Step", "ChangedAt", "ChangedBy");
        Set<WorkOrder>(N, "Notes", "Outcome", "Reason");
        Set<Addressee>(S, "Kind", "Id");
        Set<Dispatcher>(S, "UserName", "Role", "Inbox");
        Set<WorkOrderInboxView>(S, "Inbox", "Version", "WorkOrders");

        // Lists and walk-ins.
        Set<CustomerSummary>(M, "Name", "Msisdn");
        Set<CustomerSummary>(N, "Tags");
        Set<CustomerSummary>(S, "CustomerId", "Version", "Region", "HomeStoreId", "AccountManagerId", "PhoneManagerId", "Tier", "Stars",
            "Stage", "OpenAlerts", "Attention", "InMidHighBase", "Retained", "UpdatedAt", "ClosedAt");
        Set<AlertSummary>(N, "Id");
        Set<AlertSummary>(S, "Kind", "Severity", "State", "Owner", "RaisedAt", "SnoozedUntil");
        Set<WalkInView>(S, "Customer", "StoreId", "By", "At");
        Set<StoreWalkInsView>(S, "StoreId", "Version", "WalkIns");
        Set<CustomerListView>(S, "Topic", "Version", "Customers");

        // Timeline events (their payloads as journaled).
        Set<CustomerRegistered>(H, "Identity");
        Set<CustomerUpdated>(H, "Name", "Msisdn", "Region", "HomeStoreId", "AccountManagerId", "PhoneManagerId", "Birthday", "Gender",
            "Occupation", "Interests", "GroupId", "GroupClass", "KeyPerson", "FamilyDecisionMaker");
        Set<VoiceUsed>(S, "Seconds", "OffNet", "CompetitorServiceNumber", "Roaming");
        Set<DataUsed>(S, "Mb", "Roaming");
        Set<SmsUsed>(S, "Count");
        Set<BillClosed>(S, "Month", "Amount", "DueOn");
        Set<PaymentMade>(S, "Amount");
        Set<PaymentMade>(N, "Method");
        Set<BalanceReported>(S, "Balance");
        Set<ProductChanged>(S, "Products");
        Set<DeviceChanged>(S, "Device");
        Set<TouchpointRecorded>(S, "Channel", "Kind", "StoreId", "StaffId", "Stage", "Category", "Score", "Discount");
        Set<TouchpointRecorded>(N, "Reference");
        Set<TouchpointRecorded>(H, "Note");
        Set<AccountClosed>(S, "PortedOut");
        Set<AlertActionTaken>(N, "AlertId");
        Set<AlertActionTaken>(S, "Action", "By", "Until");
        Set<AlertActionTaken>(H, "Outcome");
        Set<ManualTagChanged>(N, "Tag");
        Set<ManualTagChanged>(S, "Added", "By");
        Set<WorkOrderRecorded>(S, "Order");
        return rules;
    }
}
