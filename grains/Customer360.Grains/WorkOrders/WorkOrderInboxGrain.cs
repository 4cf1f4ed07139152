using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.WorkOrders;
using Customer360.Grains.Push;
using Customer360.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.WorkOrders;

/// <summary>
/// One party's work orders, and the owner of its topic <c>workorders:{key}</c>. Every change is persisted with
/// the next version before it is pushed, so a console never sees a version that a reactivated inbox could
/// hand out again. Non-reentrant: the version and the list change together in one call.
/// </summary>
public sealed class WorkOrderInboxGrain(
    [PersistentState("workorder-inbox", StorageNames.Profiles)] IPersistentState<WorkOrderInboxState> state,
    PushOutbox outbox,
    IOptions<PushOptions> pushOptions,
    [FromKeyedServices(Clocks.Business)] TimeProvider time) : Grain, IWorkOrderInboxGrain
{
    /// <summary>Closed orders stay this long, for the console's "done today".</summary>
    public static readonly TimeSpan KeepClosed = TimeSpan.FromHours(24);

    /// <summary>A busy store's day of closed orders, at most.</summary>
    public const int MaxClosed = 200;

    private TopicSubscribers _subscribers = null!;
    private string _topic = null!;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _topic = Topics.WorkOrders(this.GetPrimaryKeyString());
        // Leases run on real time, whatever the business clock says.
        _subscribers = new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease);
        return Task.CompletedTask;
    }

    public async Task Record(WorkOrder order)
    {
        var orders = state.State.Orders;
        if (!WorkOrderList.Put(orders, order)) return;
        WorkOrderList.Trim(orders, time.GetUtcNow(), KeepClosed, MaxClosed);
        state.State.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is ahead of storage now, and a retry of this very step would find it "already held" and
            // never write it: start again from storage.
            this.DeactivateOnIdle();
            throw;
        }
        _subscribers.Publish(new PushMessage(_topic, PushKinds.WorkOrderChanged, order.CustomerId, state.State.Version, [order.Id]));
    }

    public Task<WorkOrderInboxView> Get()
    {
        // Orders closed over a day ago are left out of the answer and stay stored until the next change trims them: a read stays a read.
        var orders = new List<WorkOrder>(state.State.Orders);
        WorkOrderList.Trim(orders, time.GetUtcNow(), KeepClosed, MaxClosed);
        return Task.FromResult(new WorkOrderInboxView(this.GetPrimaryKeyString(), state.State.Version, WorkOrderList.Ordered(orders)));
    }

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver) => _subscribers.Subscribe(gatewayId, receiver, state.State.Version);

    public Task Unsubscribe(string gatewayId) => _subscribers.Unsubscribe(gatewayId);
}
