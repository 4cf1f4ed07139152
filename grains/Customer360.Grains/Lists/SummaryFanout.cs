using Customer360.Contracts;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;

namespace Customer360.Grains.Lists;

/// <summary>
/// Tells everything that lists a customer that the customer's line changed: the read model, the account
/// manager's portfolio, the phone manager's alert queue, and the region's tier board. Called by the customer
/// grain only when its line really changed (most usage changes none), with one-way calls, so a customer never
/// waits for its lists. A lost message is made good by the next change, and lists rebuild from the read model
/// when they activate.
/// </summary>
public sealed class SummaryFanout(IGrainFactory grains, CustomerIndexWriter index)
{
    /// <summary>Tells the lists of <paramref name="after"/>; <paramref name="before"/> is what they were last told (null: nothing yet).</summary>
    public void Publish(ListFacts? before, CustomerSummary after, TierChange? tierChange)
    {
        index.Upsert(after);
        if (after.AccountManagerId is { } manager) _ = Portfolio(manager).Update(after);
        if (before?.AccountManagerId is { } oldManager && oldManager != after.AccountManagerId) _ = Portfolio(oldManager).Remove(after.CustomerId);

        var hasAlerts = after.OpenAlerts.Count > 0;
        if (after.PhoneManagerId is { } phone && (hasAlerts || before is null || before.Value.HasAlerts)) _ = Queue(phone).Update(after);
        if (before?.PhoneManagerId is { } oldPhone && oldPhone != after.PhoneManagerId) _ = Queue(oldPhone).Remove(after.CustomerId);

        var (was, now) = (before?.Board, TierBoardFacts.Of(after));
        if (was != now)
        {
            _ = Board(now.Region).Moved(was, now);
            if (was is not null && was.Region != now.Region) _ = Board(was.Region).Moved(was, now);
        }
        if (tierChange is not null)
        {
            var notice = new TierChangeNotice(after.CustomerId, after.Name, after.Region, tierChange.From, tierChange.To,
                tierChange.FromStars, tierChange.ToStars, tierChange.Reason, tierChange.At);
            index.Append(notice);
            _ = Board(after.Region).TierChanged(notice);
        }
    }

    /// <summary>
    /// As <see cref="Publish"/>, then waits (at most <paramref name="limit"/>) until the line is in the read model;
    /// false when the limit passed first (PostgreSQL slow or down: the line is written later, reads lag until then).
    /// </summary>
    public async Task<bool> PublishAndWaitAsync(ListFacts? before, CustomerSummary after, TierChange? tierChange, TimeSpan limit)
    {
        // Asked before the line is offered, so the write that takes it cannot be missed.
        var written = index.WrittenAsync(after.CustomerId, after.Version);
        Publish(before, after, tierChange);
        try
        {
            await written.WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Offers the read model the line as it is, without telling the lists (nothing changed for them).</summary>
    public void Refresh(CustomerSummary line) => index.Upsert(line);

    private ICustomerListGrain Portfolio(string accountManagerId) => grains.GetGrain<ICustomerListGrain>(Topics.Portfolio(accountManagerId));

    private ICustomerListGrain Queue(string phoneManagerId) => grains.GetGrain<ICustomerListGrain>(Topics.Alerts(phoneManagerId));

    private ITierBoardGrain Board(string region) => grains.GetGrain<ITierBoardGrain>(region);
}
