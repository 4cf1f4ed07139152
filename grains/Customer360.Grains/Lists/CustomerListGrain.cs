using Customer360.Contracts;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Grains.Push;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Lists;

/// <summary>
/// A portfolio (<c>portfolio:{accountManagerId}</c>) or an alert queue (<c>alerts:{phoneManagerId}</c>): the
/// lines of its customers in memory, rebuilt from the read model on activation and kept current by the customer
/// grains, which tell it whenever a line changes. Each change is pushed with the line itself, so a console
/// updates the row in place. Non-reentrant: a change and its version are one step.
/// </summary>
public sealed class CustomerListGrain(CustomerIndexReader index, PushOutbox outbox, IOptions<PushOptions> pushOptions) : Grain, ICustomerListGrain
{
    private readonly Dictionary<string, CustomerSummary> _lines = new(StringComparer.Ordinal);
    private TopicSubscribers _subscribers = null!;
    private TopicVersion _version = null!;
    private string _topic = null!;
    private string _kind = null!;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _topic = this.GetPrimaryKeyString();
        if (!Topics.TryParse(_topic, out _kind, out var key) || _kind is not (Topics.PortfolioPrefix or Topics.AlertsPrefix))
            throw new ArgumentException($"'{_topic}' is not a portfolio or alert-queue topic");
        _subscribers = new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease);
        _version = new TopicVersion(TimeProvider.System);
        var lines = _kind == Topics.PortfolioPrefix
            ? await index.LinesWhereAsync("account_manager_id", key, withOpenAlertsOnly: false, ct)
            : await index.LinesWhereAsync("phone_manager_id", key, withOpenAlertsOnly: true, ct);
        foreach (var line in lines) Keep(line);
    }

    public Task Update(CustomerSummary summary)
    {
        if (_lines.TryGetValue(summary.CustomerId, out var seen) && seen.Version >= summary.Version) return Task.CompletedTask;
        var belongs = _kind == Topics.PortfolioPrefix || summary.OpenAlerts.Any(a => a.State != AlertState.Resolved);
        if (!belongs && seen is null) return Task.CompletedTask;
        if (belongs) Keep(summary);
        else _lines.Remove(summary.CustomerId);
        Publish(_kind == Topics.AlertsPrefix ? PushKinds.AlertChanged : PushKinds.ProfileChanged, summary);
        return Task.CompletedTask;
    }

    public Task Remove(string customerId)
    {
        if (_lines.Remove(customerId, out var gone))
            Publish(_kind == Topics.AlertsPrefix ? PushKinds.AlertChanged : PushKinds.ProfileChanged, gone with { OpenAlerts = [] }, removed: true);
        return Task.CompletedTask;
    }

    public Task WalkedIn(WalkInView walkIn)
    {
        _subscribers.Publish(new PushMessage(_topic, PushKinds.WalkIn, walkIn.Customer.CustomerId, _version.Next(), [], walkIn.Customer, WalkIn: walkIn));
        return Task.CompletedTask;
    }

    public Task<CustomerListView> GetList() => Task.FromResult(new CustomerListView(_topic, _version.Current,
        [.. _lines.Values.OrderByDescending(s => s.Attention).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.CustomerId, StringComparer.Ordinal)]));

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver)
    {
        _subscribers.Renew(gatewayId, receiver);
        return Task.FromResult(_version.Current);
    }

    public Task Unsubscribe(string gatewayId)
    {
        _subscribers.Remove(gatewayId);
        return Task.CompletedTask;
    }

    private void Keep(CustomerSummary line) => _lines[line.CustomerId] = line;

    private void Publish(string kind, CustomerSummary line, bool removed = false) =>
        _subscribers.Publish(new PushMessage(_topic, kind, line.CustomerId, _version.Next(), removed ? ["removed"] : ["summary"], line));
}
