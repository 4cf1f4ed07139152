using Customer360.Contracts;
using Customer360.Domain.Access;

namespace Customer360.Gateway.Push;

/// <summary>Maps a topic name to the grain that owns it; a key that could not be an id names no topic.</summary>
public sealed class TopicRouter(IClusterClient cluster)
{
    public ITopicOwner? OwnerOf(string topic)
    {
        if (!Topics.TryParse(topic, out var kind, out var key)) return null;
        return kind switch
        {
            // Regions are free text (at most 64 characters), inbox keys are checked below; every other key is an id.
            _ when kind is not (Topics.WorkOrdersPrefix or Topics.TiersPrefix) && !Ids.IsId(key) => null,
            Topics.CustomerPrefix => cluster.GetGrain<ICustomerGrain>(key),
            Topics.PortfolioPrefix or Topics.AlertsPrefix => cluster.GetGrain<ICustomerListGrain>(topic),
            Topics.StorePrefix => cluster.GetGrain<IStoreGrain>(key),
            Topics.TiersPrefix => cluster.GetGrain<ITierBoardGrain>(key),
            Topics.WorkOrdersPrefix when AccessRules.IsInboxKey(key) => cluster.GetGrain<IWorkOrderInboxGrain>(key),
            _ => null,
        };
    }

    /// <summary>The console message that tells a topic's consoles to look again.</summary>
    public static string NoticeKindOf(string topic) =>
        topic.StartsWith(Topics.WorkOrdersPrefix + ":", StringComparison.Ordinal) ? PushKinds.WorkOrderChanged : PushKinds.ProfileChanged;
}
