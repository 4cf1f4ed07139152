namespace Customer360.Domain.Events;

/// <summary>Wire names of the event types the feed may carry.</summary>
public static class EventTypes
{
    public const string CustomerRegistered = "customer.registered";
    public const string UsageData = "usage.data";

    /// <summary>Every type this build accepts, for error messages.</summary>
    public static readonly IReadOnlyList<string> Supported = [CustomerRegistered, UsageData];
}
