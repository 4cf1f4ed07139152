namespace Customer360.Gateway.Push;

/// <summary>
/// SignalR groups per topic: one for consoles that see personal data in full, one for those that see it
/// masked (store staff). A push is worded once per group, so masking happens here, on the server.
/// </summary>
public static class PushGroups
{
    public static string For(string topic, bool masked) => masked ? topic + "|masked" : topic;

    public static IReadOnlyList<string> Both(string topic) => [topic, topic + "|masked"];
}
