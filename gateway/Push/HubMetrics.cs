using System.Diagnostics.Metrics;
using Customer360.Contracts;
using Customer360.Contracts.Hosting.Telemetry;

namespace Customer360.Gateway.Push;

/// <summary>
/// The console hub's instruments (meter <c>Customer360.Hub</c>): <c>c360.hub.connections</c>, consoles connected to
/// this gateway, and <c>c360.hub.subscriptions</c>, their subscriptions by <c>topic_kind</c> (customer, store,
/// portfolio, alerts, tiers, workorders): never the topic itself, which names a customer or a person.
/// </summary>
public sealed class HubMetrics
{
    private static readonly Dictionary<string, KeyValuePair<string, object?>[]> Kinds = new[]
    {
        Topics.CustomerPrefix, Topics.StorePrefix, Topics.PortfolioPrefix, Topics.AlertsPrefix, Topics.TiersPrefix, Topics.WorkOrdersPrefix,
    }.ToDictionary(k => k, k => new KeyValuePair<string, object?>[] { new("topic_kind", k) }, StringComparer.Ordinal);

    private static readonly KeyValuePair<string, object?>[] OtherKind = [new("topic_kind", "other")];

    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _subscriptions;

    public HubMetrics(IMeterFactory meters)
    {
        var meter = meters.Create($"{TelemetryNames.Prefix}.Hub");
        _connections = meter.CreateUpDownCounter<long>("c360.hub.connections", "{connection}", "Consoles connected to this gateway's hub");
        _subscriptions = meter.CreateUpDownCounter<long>("c360.hub.subscriptions", "{subscription}",
            "Topics followed by this gateway's consoles, one per console and topic, by topic kind");
    }

    public void Connected() => _connections.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Subscribed(string topic) => _subscriptions.Add(1, TagsOf(topic));

    public void Unsubscribed(string topic) => _subscriptions.Add(-1, TagsOf(topic));

    private static KeyValuePair<string, object?>[] TagsOf(string topic) =>
        Topics.TryParse(topic, out var kind, out _) && Kinds.TryGetValue(kind, out var tags) ? tags : OtherKind;
}
