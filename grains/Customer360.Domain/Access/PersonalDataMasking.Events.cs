using Customer360.Domain.Events;

namespace Customer360.Domain.Access;

// Timeline events as masked viewers get them (MaskedFields).
public static partial class PersonalDataMasking
{
    /// <summary>
    /// The payload of a journaled event as a masked viewer may see it, or null when they see none of it (personal
    /// data: registrations and updates; and any type not named here, so a new event type stays hidden until
    /// someone decides otherwise).
    /// </summary>
    public static EventPayload? Mask(EventPayload payload) => payload switch
    {
        VoiceUsed v => new VoiceUsed(v.Seconds, v.OffNet, v.CompetitorServiceNumber, v.Roaming),
        DataUsed d => new DataUsed(d.Mb, d.Roaming),
        SmsUsed s => new SmsUsed(s.Count),
        BillClosed b => new BillClosed(b.Month, b.Amount, b.DueOn),
        PaymentMade p => new PaymentMade(p.Amount, FreeText.MaskNumbers(p.Method)),
        BalanceReported b => new BalanceReported(b.Balance),
        ProductChanged p => new ProductChanged(Mask(p.Products)),
        DeviceChanged d => new DeviceChanged(new(d.Device.Brand, d.Device.Model, d.Device.PriceBand, d.Device.DualSim, d.Device.InUseSince)),
        TouchpointRecorded t => new TouchpointRecorded(t.Channel, t.Kind, t.StoreId, t.StaffId, t.Stage, t.Category, t.Score,
            FreeText.MaskNumbers(t.Reference), Note: null, t.Discount),
        AccountClosed a => new AccountClosed(a.PortedOut),
        AlertActionTaken a => new AlertActionTaken(FreeText.MaskNumbers(a.AlertId)!, a.Action, a.By, a.Until, Outcome: null),
        ManualTagChanged m => new ManualTagChanged(FreeText.MaskNumbers(m.Tag)!, m.Added, m.By),
        WorkOrderRecorded w => new WorkOrderRecorded(Mask(w.Order)),
        _ => null,
    };
}
