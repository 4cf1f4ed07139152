using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>Reads the current state of a topic for a console that (re)subscribes.</summary>
public sealed class SnapshotReader(IClusterClient cluster)
{
    public async Task<TopicSnapshot> ReadAsync(string topic, string language)
    {
        if (Topics.TryParse(topic, out var kind, out var key) && kind == Topics.WorkOrdersPrefix)
        {
            var inbox = await cluster.GetGrain<IWorkOrderInboxGrain>(key).Get();
            return new TopicSnapshot(topic, inbox.Version, null, inbox.WorkOrders);
        }
        if (kind != Topics.CustomerPrefix)
            throw new ArgumentException($"'{topic}' has no snapshot", nameof(topic));
        var view = await cluster.GetGrain<ICustomerGrain>(key).GetView(language);
        return new TopicSnapshot(topic, view?.Version ?? 0, view);
    }
}
