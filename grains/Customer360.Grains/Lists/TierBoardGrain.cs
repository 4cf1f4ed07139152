using Customer360.Contracts;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Grains.Push;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Lists;

/// <summary>
/// A region's tier board for its supervisors: counts per tier and stage, the mid/high base and its retention,
/// the churn-risk count, and the latest tier changes. Counts come from the read model on activation and every
/// <see cref="RecountEvery"/>, and move in between with each customer's change, so they are live and cannot
/// drift for long. Non-reentrant.
/// </summary>
public sealed class TierBoardGrain(CustomerIndexReader index, PushOutbox outbox, IOptions<PushOptions> pushOptions) : Grain, ITierBoardGrain
{
    public static readonly TimeSpan RecountEvery = TimeSpan.FromMinutes(1);
    public const int MaxChanges = 100;

    private readonly TierCounts _counts = new();
    private readonly List<TierChangeNotice> _changes = [];
    private TopicSubscribers _subscribers = null!;
    private TopicVersion _version = null!;
    private string _region = null!;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _region = this.GetPrimaryKeyString();
        _subscribers = new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease);
        _version = new TopicVersion(TimeProvider.System);
        await RecountAsync(ct);
        _changes.AddRange(await index.TierChangesAsync(_region, MaxChanges, ct));
        this.RegisterGrainTimer(ct2 => RecountAsync(ct2), RecountEvery, RecountEvery);
    }

    public Task Moved(TierBoardFacts? before, TierBoardFacts after)
    {
        if (before is not null && before.Region == _region) _counts.Add(before, -1);
        if (after.Region == _region) _counts.Add(after, +1);
        Publish(PushKinds.ProfileChanged, customerId: "", change: null);
        return Task.CompletedTask;
    }

    public Task TierChanged(TierChangeNotice change)
    {
        _changes.Insert(0, change);
        if (_changes.Count > MaxChanges) _changes.RemoveAt(_changes.Count - 1);
        Publish(PushKinds.TierChanged, change.CustomerId, change);
        return Task.CompletedTask;
    }

    public Task Forget(string customerId)
    {
        // The counts follow at the next recount from the read model, which no longer holds the customer.
        if (_changes.RemoveAll(c => c.CustomerId == customerId) > 0) Publish(PushKinds.ProfileChanged, customerId: "", change: null);
        return Task.CompletedTask;
    }

    public Task<TierBoardView> GetBoard() => Task.FromResult(_counts.View(_region, _version.Current, [.. _changes]));

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver) => _subscribers.Subscribe(gatewayId, receiver, _version.Current);

    public Task Unsubscribe(string gatewayId) => _subscribers.Unsubscribe(gatewayId);

    private async Task RecountAsync(CancellationToken ct)
    {
        var rows = await index.CountsAsync(_region, ct);
        if (_counts.Replace(rows)) Publish(PushKinds.ProfileChanged, customerId: "", change: null);
    }

    private void Publish(string kind, string customerId, TierChangeNotice? change) =>
        _subscribers.Publish(new PushMessage(Topics.Tiers(_region), kind, customerId, _version.Next(), change is null ? ["counts"] : ["changes", "counts"], TierChange: change));
}
