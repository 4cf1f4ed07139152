using Customer360.Contracts;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Grains.Push;
using Customer360.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Lists;

/// <summary>
/// One store's walk-ins of the operator day. A walk-in is written through the grain storage before it is
/// answered, so store staff keep their right to read a customer they identified even if the silo dies; the
/// list starts afresh each operator day. Non-reentrant.
/// </summary>
public sealed class StoreGrain(
    [PersistentState("store", StorageNames.Profiles)] IPersistentState<StoreState> state,
    PushOutbox outbox, IOptions<PushOptions> pushOptions, IGrainFactory grains) : Grain, IStoreGrain
{
    /// <summary>Walk-ins kept per day; the oldest make room (a busy store sees a few hundred).</summary>
    public const int MaxWalkIns = 1000;

    private TopicSubscribers _subscribers = null!;

    private string StoreId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _subscribers = new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease);
        return Task.CompletedTask;
    }

    public async Task<WalkInView> RecordWalkIn(CustomerSummary customer, string? by, DateTimeOffset at)
    {
        var walkIn = new WalkInView(customer, StoreId, by, at);
        TurnDay(at);
        state.State.WalkIns.Insert(0, walkIn);
        if (state.State.WalkIns.Count > MaxWalkIns) state.State.WalkIns.RemoveAt(state.State.WalkIns.Count - 1);
        state.State.Version++;
        await state.WriteStateAsync();

        _subscribers.Publish(new PushMessage(Topics.Store(StoreId), PushKinds.WalkIn, customer.CustomerId, state.State.Version, [], customer, WalkIn: walkIn,
            ArrivedAt: EventArrival.Current));
        // The account manager hears of it too, on their portfolio.
        if (customer.AccountManagerId is { } manager)
            _ = grains.GetGrain<ICustomerListGrain>(Topics.Portfolio(manager)).WalkedIn(walkIn);
        return walkIn;
    }

    public Task<bool> WalkedInToday(string customerId, DateTimeOffset now) =>
        Task.FromResult(IsToday(now) && state.State.WalkIns.Exists(w => w.Customer.CustomerId == customerId));

    public Task<StoreWalkInsView> GetWalkIns(DateTimeOffset now) =>
        Task.FromResult(new StoreWalkInsView(StoreId, state.State.Version, IsToday(now) ? [.. state.State.WalkIns] : []));

    public async Task Forget(string customerId)
    {
        if (state.State.WalkIns.RemoveAll(w => w.Customer.CustomerId == customerId) == 0) return;
        // A new version, so a console that reconnects takes the list without them; no push of its own.
        state.State.Version++;
        await state.WriteStateAsync();
    }

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver) => _subscribers.Subscribe(gatewayId, receiver, state.State.Version);

    public Task Unsubscribe(string gatewayId) => _subscribers.Unsubscribe(gatewayId);

    private bool IsToday(DateTimeOffset now) => state.State.Day == Day(now);

    private void TurnDay(DateTimeOffset at)
    {
        if (IsToday(at)) return;
        state.State.Day = Day(at);
        state.State.WalkIns.Clear();
    }

    private static string Day(DateTimeOffset at) => OperatorCalendar.DateOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
