using Customer360.Contracts;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Grains.Push;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Lists;

/// <summary>
/// A portfolio (<c>portfolio:{accountManagerId}</c>) or an alert queue (<c>alerts:{phoneManagerId}</c>). The
/// customer grains tell it whenever a line changes, and it pushes each change with the line itself, so a console
/// updates the row in place. It does not hold the whole list: a million profiles must fit in one silo, and
/// their lines are in the read model already. A snapshot is the read model's lines with the ones changed in the
/// last <see cref="RecentWindow"/> laid over them, which covers the read model's few seconds of lag.
/// Non-reentrant: a change and its version are one step.
/// </summary>
public sealed class CustomerListGrain(CustomerIndexReader index, PushOutbox outbox, IOptions<PushOptions> pushOptions) : Grain, ICustomerListGrain
{
    /// <summary>How long a changed line is laid over the read model's: well beyond the writer's lag (a fraction of a second).</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromSeconds(10);

    /// <summary>Lines in one snapshot at most, the most in need of attention; a console pages the rest through search.</summary>
    public const int MaxLines = 1000;

    // Lines changed lately, by customer, and whether each is on the list (false: the customer left it).
    private readonly Dictionary<string, (CustomerSummary Line, bool Listed, DateTimeOffset At)> _recent = new(StringComparer.Ordinal);
    // The same changes in the order they came, so that forgetting the old ones costs nothing per change.
    private readonly Queue<(string CustomerId, DateTimeOffset At)> _order = new();
    private TopicSubscribers _subscribers = null!;
    private TopicVersion _version = null!;
    private string _topic = null!;
    private string _kind = null!;
    private string _key = null!;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _topic = this.GetPrimaryKeyString();
        if (!Topics.TryParse(_topic, out _kind, out _key) || _kind is not (Topics.PortfolioPrefix or Topics.AlertsPrefix))
            throw new ArgumentException($"'{_topic}' is not a portfolio or alert-queue topic");
        _subscribers = new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease);
        _version = new TopicVersion(TimeProvider.System);
        // A registration wave passes many lines through; they must not stay in memory once the wave is over.
        this.RegisterGrainTimer(() => { Prune(); return Task.CompletedTask; }, RecentWindow, RecentWindow);
        return Task.CompletedTask;
    }

    public Task Update(CustomerSummary summary)
    {
        if (_recent.TryGetValue(summary.CustomerId, out var seen) && seen.Line.Version >= summary.Version) return Task.CompletedTask;
        // A line that does not belong (its last alert resolved) goes out as a removal, which a console that never
        // showed the row simply ignores.
        var listed = Belongs(summary);
        Remember(summary, listed);
        Publish(_kind == Topics.AlertsPrefix ? PushKinds.AlertChanged : PushKinds.ProfileChanged, summary, removed: !listed);
        return Task.CompletedTask;
    }

    public Task Remove(string customerId)
    {
        // The customer moved to another manager; the line as last seen, marked removed.
        if (_recent.TryGetValue(customerId, out var seen))
        {
            Remember(seen.Line, listed: false);
            Publish(_kind == Topics.AlertsPrefix ? PushKinds.AlertChanged : PushKinds.ProfileChanged, seen.Line, removed: true);
        }
        return Task.CompletedTask;
    }

    public Task WalkedIn(WalkInView walkIn)
    {
        _subscribers.Publish(new PushMessage(_topic, PushKinds.WalkIn, walkIn.Customer.CustomerId, _version.Next(), [], walkIn.Customer, WalkIn: walkIn));
        return Task.CompletedTask;
    }

    public async Task<CustomerListView> GetList()
    {
        var version = _version.Current;
        var lines = _kind == Topics.PortfolioPrefix
            ? await index.LinesWhereAsync("account_manager_id", _key, withOpenAlertsOnly: false, MaxLines)
            : await index.LinesWhereAsync("phone_manager_id", _key, withOpenAlertsOnly: true, MaxLines);
        var byId = lines.ToDictionary(l => l.CustomerId, StringComparer.Ordinal);
        Prune();
        foreach (var (id, recent) in _recent)
        {
            if (byId.TryGetValue(id, out var stored) && stored.Version > recent.Line.Version) continue;
            if (recent.Listed) byId[id] = recent.Line;
            else byId.Remove(id);
        }
        return new CustomerListView(_topic, version,
            [.. byId.Values.OrderByDescending(s => s.Attention).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.CustomerId, StringComparer.Ordinal).Take(MaxLines)]);
    }

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver) => _subscribers.Subscribe(gatewayId, receiver, _version.Current);

    public Task Unsubscribe(string gatewayId) => _subscribers.Unsubscribe(gatewayId);

    private bool Belongs(CustomerSummary line) => _kind == Topics.PortfolioPrefix
        ? line.AccountManagerId == _key
        : line.PhoneManagerId == _key && line.OpenAlerts.Any(a => a.State != AlertState.Resolved);

    private void Remember(CustomerSummary line, bool listed)
    {
        Prune();
        var at = DateTimeOffset.UtcNow;
        _recent[line.CustomerId] = (line, listed, at);
        _order.Enqueue((line.CustomerId, at));
    }

    private void Prune()
    {
        var cutoff = DateTimeOffset.UtcNow - RecentWindow;
        while (_order.TryPeek(out var oldest) && oldest.At < cutoff)
        {
            _order.Dequeue();
            // Only if no later change of the same customer replaced it.
            if (_recent.TryGetValue(oldest.CustomerId, out var recent) && recent.At == oldest.At) _recent.Remove(oldest.CustomerId);
        }
    }

    private void Publish(string kind, CustomerSummary line, bool removed) =>
        _subscribers.Publish(new PushMessage(_topic, kind, line.CustomerId, _version.Next(), removed ? ["removed"] : ["summary"], line));
}
