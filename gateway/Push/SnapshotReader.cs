using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Gateway.Access;

namespace Customer360.Gateway.Push;

/// <summary>Reads the current state of a topic for a console that (re)subscribes, as its viewer may see it.</summary>
public sealed class SnapshotReader(IClusterClient cluster, CustomerReader reader, [FromKeyedServices(Clocks.Business)] TimeProvider time)
{
    public async Task<TopicSnapshot> ReadAsync(string topic, Viewer viewer, string language)
    {
        if (!Topics.TryParse(topic, out var kind, out var key)) throw new ArgumentException($"'{topic}' has no snapshot", nameof(topic));
        switch (kind)
        {
            case Topics.CustomerPrefix:
                var view = (await reader.ReadAsync(viewer, key, language)).View;
                return new TopicSnapshot(topic, view?.Version ?? 0, view);
            case Topics.PortfolioPrefix or Topics.AlertsPrefix:
                var list = await cluster.GetGrain<ICustomerListGrain>(topic).GetList();
                return new TopicSnapshot(topic, list.Version, null, AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(list) : list);
            case Topics.StorePrefix:
                var walkIns = await cluster.GetGrain<IStoreGrain>(key).GetWalkIns(time.GetUtcNow());
                return new TopicSnapshot(topic, walkIns.Version, null, AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(walkIns) : walkIns);
            case Topics.WorkOrdersPrefix:
                var inbox = await cluster.GetGrain<IWorkOrderInboxGrain>(key).Get();
                return new TopicSnapshot(topic, inbox.Version, null, WorkOrders: (AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(inbox) : inbox).WorkOrders);
            case Topics.TiersPrefix:
                var board = await cluster.GetGrain<ITierBoardGrain>(key).GetBoard();
                return new TopicSnapshot(topic, board.Version, null, board);
            default:
                throw new ArgumentException($"'{topic}' has no snapshot", nameof(topic));
        }
    }
}
