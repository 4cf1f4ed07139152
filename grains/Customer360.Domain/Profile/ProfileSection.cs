namespace Customer360.Domain.Profile;

/// <summary>Names of profile sections, as sent to consoles in "what changed".</summary>
public static class ProfileSection
{
    public const string Identity = "identity";
    public const string Products = "products";
    public const string Device = "device";
    public const string Usage = "usage";
    public const string Billing = "billing";
    public const string Touchpoints = "touchpoints";
    public const string Derived = "derived";
    public const string Lifecycle = "lifecycle";
    public const string WorkOrders = "workOrders";

    public static IReadOnlyList<string> All { get; } = [Identity, Products, Device, Usage, Billing, Touchpoints, Derived, Lifecycle, WorkOrders];
}
