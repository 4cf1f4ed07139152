using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>
/// The typed body of an event. The JSON discriminator is the event type's wire name, so the journal and
/// the wire carry the same shape producers send.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CustomerRegistered), EventTypes.CustomerRegistered)]
[JsonDerivedType(typeof(DataUsed), EventTypes.UsageData)]
public abstract record EventPayload
{
    /// <summary>The wire name of this event type.</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
