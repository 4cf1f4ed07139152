namespace Customer360.Contracts;

/// <summary>The server-to-console message names of the hub <c>/hubs/console</c>.</summary>
public static class PushKinds
{
    public const string ProfileChanged = "profileChanged";
    public const string WalkIn = "walkIn";
    public const string AlertChanged = "alertChanged";
    public const string TierChanged = "tierChanged";
    public const string WorkOrderChanged = "workOrderChanged";

    /// <summary>
    /// "Look again": the gateway dropped this console's backlog of notices because the console did not take them
    /// fast enough (ConsolePush:OutboxCapacity). Carries <c>{ all, topics }</c>: the console re-reads the topics
    /// listed, or every topic it follows when <c>all</c> is true, as after a reconnect.
    /// </summary>
    public const string Resync = "resync";
}
