using Customer360.Gateway.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Push;

/// <summary>
/// The consoles' hub, <c>/hubs/console</c>. Thin: subscriptions go to the <see cref="SubscriptionRegistry"/>,
/// pushes come from the <see cref="PushReceiver"/>; connection ids never leave this gateway.
/// </summary>
public sealed class ConsoleHub(SubscriptionRegistry registry, TopicRouter router, SnapshotReader snapshots) : Hub
{
    /// <summary>Follows a topic. Returns its snapshot; later notices carry higher versions.</summary>
    public async Task<TopicSnapshot> Subscribe(string topic)
    {
        var owner = router.OwnerOf(topic) ?? throw new HubException($"'{topic}' is not a topic this console can follow");
        // Order matters: join the group and subscribe at the owner first, then read the snapshot. A change in
        // between is both in the snapshot and pushed; the console drops the push by its version. The other
        // order could lose it.
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        await registry.AddAsync(Context.ConnectionId, topic, owner);
        return await snapshots.ReadAsync(topic, ConsoleLanguage.Of(Context.GetHttpContext()));
    }

    public async Task Unsubscribe(string topic)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
        await registry.RemoveAsync(Context.ConnectionId, topic);
    }

    public override Task OnDisconnectedAsync(Exception? exception) => registry.RemoveConnectionAsync(Context.ConnectionId);
}
