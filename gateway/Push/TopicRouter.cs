using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>Maps a topic name to the grain that owns it.</summary>
public sealed class TopicRouter(IClusterClient cluster)
{
    public ITopicOwner? OwnerOf(string topic) =>
        Topics.TryParse(topic, out var kind, out var key) && kind == Topics.CustomerPrefix
            ? cluster.GetGrain<ICustomerGrain>(key)
            : null;
}
