using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Access;

// Lines of lists, walk-ins and work orders as masked viewers get them (MaskedFields).
public static partial class PersonalDataMasking
{
    public static CustomerSummary Mask(CustomerSummary s) => new(
        CustomerId: s.CustomerId,
        Version: s.Version,
        Name: Masking.Name(s.Name),
        Msisdn: Masking.Msisdn(s.Msisdn),
        Region: s.Region,
        HomeStoreId: s.HomeStoreId,
        AccountManagerId: s.AccountManagerId,
        PhoneManagerId: s.PhoneManagerId,
        Tier: s.Tier,
        Stars: s.Stars,
        Stage: s.Stage,
        Tags: [.. s.Tags.Select(t => FreeText.MaskNumbers(t)!)],
        OpenAlerts: [.. s.OpenAlerts.Select(a => new AlertSummary(AlertId(a.Id, s.CustomerId), a.Kind, a.Severity, a.State, a.Owner, a.RaisedAt, a.SnoozedUntil))],
        Attention: s.Attention,
        InMidHighBase: s.InMidHighBase,
        Retained: s.Retained,
        UpdatedAt: s.UpdatedAt,
        ClosedAt: s.ClosedAt);

    public static CustomerListView Mask(CustomerListView list) => new(list.Topic, list.Version, [.. list.Customers.Select(Mask)]);

    public static WalkInView Mask(WalkInView w) => new(Mask(w.Customer), w.StoreId, w.By, w.At);

    public static StoreWalkInsView Mask(StoreWalkInsView list) => new(list.StoreId, list.Version, [.. list.WalkIns.Select(Mask)]);

    public static WorkOrder Mask(WorkOrder o) => new(
        Id: o.Id,
        CustomerId: o.CustomerId,
        Kind: o.Kind,
        Addressee: new Addressee(o.Addressee.Kind, o.Addressee.Id),
        DispatchedBy: new Dispatcher(o.DispatchedBy.UserName, o.DispatchedBy.Role, o.DispatchedBy.Inbox),
        DispatchedAt: o.DispatchedAt,
        DueAt: o.DueAt,
        Notes: FreeText.MaskNumbers(o.Notes),
        State: o.State,
        Step: o.Step,
        ChangedAt: o.ChangedAt,
        ChangedBy: o.ChangedBy,
        Outcome: FreeText.MaskNumbers(o.Outcome),
        Reason: FreeText.MaskNumbers(o.Reason));

    public static WorkOrderInboxView Mask(WorkOrderInboxView inbox) => new(inbox.Inbox, inbox.Version, [.. inbox.WorkOrders.Select(Mask)]);
}
