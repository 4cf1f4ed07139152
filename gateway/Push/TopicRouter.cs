using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>Maps a topic name to the grain that owns it.</summary>
public sealed class TopicRouter(IClusterClient cluster)
{
    public ITopicOwner? OwnerOf(string topic)
    {
        if (!Topics.TryParse(topic, out var kind, out var key)) return null;
        return kind switch
        {
            Topics.CustomerPrefix => cluster.GetGrain<ICustomerGrain>(key),
            Topics.PortfolioPrefix or Topics.AlertsPrefix => cluster.GetGrain<ICustomerListGrain>(topic),
            Topics.StorePrefix => cluster.GetGrain<IStoreGrain>(key),
            Topics.TiersPrefix => cluster.GetGrain<ITierBoardGrain>(key),
            _ => null,
        };
    }
}
