namespace Customer360.Domain.Events;

/// <summary>Wire names of the event types the feed may carry.</summary>
public static class EventTypes
{
    public const string CustomerRegistered = "customer.registered";
    public const string CustomerUpdated = "customer.updated";
    public const string UsageVoice = "usage.voice";
    public const string UsageData = "usage.data";
    public const string UsageSms = "usage.sms";
    public const string BillingClosed = "billing.closed";
    public const string BillingPayment = "billing.payment";
    public const string Balance = "balance";
    public const string ProductChanged = "product.changed";
    public const string DeviceChanged = "device.changed";
    public const string Touchpoint = "touchpoint";
    public const string AccountClosed = "account.closed";

    /// <summary>Every type this build accepts, for error messages.</summary>
    public static readonly IReadOnlyList<string> Supported =
    [
        CustomerRegistered, CustomerUpdated, UsageVoice, UsageData, UsageSms, BillingClosed, BillingPayment,
        Balance, ProductChanged, DeviceChanged, Touchpoint, AccountClosed,
    ];
}
