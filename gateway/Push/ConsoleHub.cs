using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Push;

/// <summary>
/// The consoles' hub, <c>/hubs/console</c>, for signed-in people only (the token rides in <c>access_token</c>;
/// the connection closes when it expires). Every <c>Subscribe</c> is authorized like a REST read of the same
/// thing, by the one access model (<see cref="AccessRules.MayFollow"/>), decided before any customer grain is called;
/// every refusal is audited. A console can follow only what its user may see, masked as their role requires. Thin otherwise:
/// subscriptions go to the <see cref="SubscriptionRegistry"/>, pushes come from the <see cref="PushReceiver"/> through
/// the console's own bounded outbox (<see cref="ConsoleOutbox"/>);
/// connection ids never leave this gateway.
/// </summary>
[Authorize(Policy = Roles.StaffPolicy)]
public sealed class ConsoleHub(SubscriptionRegistry registry, ConsoleOutboxes outboxes, TopicRouter router, SnapshotReader snapshots,
    CustomerReader reader, AuditLog audit, HubMetrics metrics) : Hub
{
    /// <summary>Opens the console's outbox: its pushes are worded masked or in full as its user may see them, for the whole connection.</summary>
    public override Task OnConnectedAsync()
    {
        metrics.Connected();
        outboxes.Open(Context.ConnectionId, Context.User?.ToViewer() is not { } viewer || AccessRules.Masks(viewer));
        return Task.CompletedTask;
    }

    /// <summary>Follows a topic. Returns its snapshot; later notices carry higher versions.</summary>
    public async Task<TopicSnapshot> Subscribe(string topic)
    {
        var viewer = Context.User?.ToViewer() ?? throw new HubException("sign in first");
        var owner = router.OwnerOf(topic) ?? throw new HubException($"'{topic}' is not a topic this console can follow");
        Topics.TryParse(topic, out var kind, out var key);
        // For a customer: what the read model and the store's list say, without loading the profile.
        var customer = kind == Topics.CustomerPrefix ? await reader.DecideAsync(viewer, key) : null;
        if (!AccessRules.MayFollow(viewer, kind, key, customer?.Facts, customer?.WalkedInToday ?? false) || customer?.Status == CustomerReadStatus.Forbidden)
        {
            var isCustomer = kind == Topics.CustomerPrefix;
            AccessDenials.Record(audit, Context.User!, isCustomer && customer?.Facts is not null ? key : "",
                isCustomer ? $"hub Subscribe {Topics.CustomerPrefix}:{{id}}" : $"hub Subscribe {topic}", customer?.Why ?? "outside scope");
            throw new HubException($"not allowed: '{topic}' is outside your scope");
        }
        // Order matters: follow the topic here and subscribe at the owner first, then read the snapshot. A change
        // in between is both in the snapshot and pushed; the console drops the push by its version. The other
        // order could lose it.
        TopicSnapshot snapshot;
        try
        {
            await registry.AddAsync(Context.ConnectionId, topic, owner);
            snapshot = await snapshots.ReadAsync(topic, viewer, ConsoleLanguage.Of(Context.GetHttpContext()));
        }
        catch
        {
            // No snapshot, no pushes: a console that failed to subscribe (the store down, say) is not left following.
            await Unsubscribe(topic);
            throw;
        }
        // A snapshot is a read like its REST twin: every customer in it is in the audit log before it is answered.
        try
        {
            await audit.RecordAsync(Context.User!, SnapshotCustomers.Of(key, snapshot), $"hub Subscribe {kind}:{{id}}",
                kind == Topics.CustomerPrefix ? AuditKinds.Read : AuditKinds.List, kind == Topics.CustomerPrefix ? null : topic, Context.ConnectionAborted);
        }
        catch (AuditUnavailableException)
        {
            // Nothing unaudited may reach this console, pushes included: the subscription is undone.
            await Unsubscribe(topic);
            throw new HubException("the audit log is unavailable; subscribe again in a few seconds");
        }
        return snapshot;
    }

    public Task Unsubscribe(string topic) => registry.RemoveAsync(Context.ConnectionId, topic);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        // First, and whatever the cluster does: what waits for a console that is gone is freed at once.
        outboxes.Close(Context.ConnectionId);
        return registry.RemoveConnectionAsync(Context.ConnectionId);
    }
}
