using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>
/// The typed body of an event. The JSON discriminator is the event type's wire name, so the journal and
/// the wire carry the same shape producers send.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CustomerRegistered), EventTypes.CustomerRegistered)]
[JsonDerivedType(typeof(CustomerUpdated), EventTypes.CustomerUpdated)]
[JsonDerivedType(typeof(VoiceUsed), EventTypes.UsageVoice)]
[JsonDerivedType(typeof(DataUsed), EventTypes.UsageData)]
[JsonDerivedType(typeof(SmsUsed), EventTypes.UsageSms)]
[JsonDerivedType(typeof(BillClosed), EventTypes.BillingClosed)]
[JsonDerivedType(typeof(PaymentMade), EventTypes.BillingPayment)]
[JsonDerivedType(typeof(BalanceReported), EventTypes.Balance)]
[JsonDerivedType(typeof(ProductChanged), EventTypes.ProductChanged)]
[JsonDerivedType(typeof(DeviceChanged), EventTypes.DeviceChanged)]
[JsonDerivedType(typeof(TouchpointRecorded), EventTypes.Touchpoint)]
[JsonDerivedType(typeof(AccountClosed), EventTypes.AccountClosed)]
[JsonDerivedType(typeof(AlertActionTaken), StaffEventTypes.AlertAction)]
[JsonDerivedType(typeof(ManualTagChanged), StaffEventTypes.ManualTag)]
[JsonDerivedType(typeof(WorkOrderRecorded), WorkOrderRecorded.WireType)]
public abstract record EventPayload
{
    /// <summary>The wire name of this event type.</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
