namespace Customer360.Gateway.Push;

/// <summary>
/// What a console gets when it subscribes: the topic's current state and version — the profile for a
/// <c>customer:</c> topic, the list or board for the others. After it, the console applies only notices with a
/// higher version, so nothing is missed and nothing is applied twice.
/// </summary>
public sealed record TopicSnapshot(string Topic, long Version, object? Profile, object? Data = null, object? WorkOrders = null);
