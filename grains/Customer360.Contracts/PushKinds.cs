namespace Customer360.Contracts;

/// <summary>The server-to-console message names of the hub <c>/hubs/console</c>.</summary>
public static class PushKinds
{
    public const string ProfileChanged = "profileChanged";
    public const string WalkIn = "walkIn";
    public const string AlertChanged = "alertChanged";
    public const string TierChanged = "tierChanged";
    public const string WorkOrderChanged = "workOrderChanged";
}
