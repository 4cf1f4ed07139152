using Customer360.Contracts;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Grains.Customers;

// Erasure (PIPL deletion): see ICustomerGrain.Erase. Kept apart from the rest of the grain, which it only ends.
public sealed partial class CustomerGrain
{
    public async Task<ErasureOutcome> Erase()
    {
        if (!_erased && !_profile.IsRegistered && _journalSeq == 0) return ErasureOutcome.Unknown;
        var erasing = !_erased;
        if (erasing)
        {
            // Copies first, while the profile still says where they are: a crash here leaves the customer as it was,
            // and erasing again does it all.
            await ForgetCopiesAsync();
            if (await this.GetReminder(RulesReminder) is { } reminder) await this.UnregisterReminder(reminder);

            // Consoles following the customer hear of one more version, and find it gone.
            _profile = new CustomerProfile { CustomerId = CustomerId, Version = _profile.Version + 1 };
            _held = null;
            _line = null;
            _scope = null;
            _erased = true;
            snapshot.State.Erased = true;
            snapshot.State.ReminderDue = null;
            snapshot.State.JournalSeq = _journalSeq;
            _unsnapshotted = Math.Max(_unsnapshotted, 1);
            try
            {
                // The durable flag: from here on no activation replays the journal or takes an event.
                await snapshotGate.RunAsync(WriteSnapshotAsync);
            }
            catch
            {
                // Unknown whether it landed: start again from storage; the caller sees the error and erases again.
                this.DeactivateOnIdle();
                throw;
            }
            active.Remove(CustomerId);
            Publish([ProfileSection.Identity]);
        }
        // Tombstone, journal payloads, MSISDN index, read model: one transaction, idempotent. Also run when the flag
        // was set already, which is how an erasure interrupted after the flag is finished.
        var tombstoned = await erasures.EraseAsync(CustomerId);
        return erasing || tombstoned ? ErasureOutcome.Erased : ErasureOutcome.AlreadyErased;
    }

    /// <summary>
    /// Blanks every work order of the customer — the profile's newest and the older ones only the journal still
    /// names (their notes, outcomes and reasons, in their grains and inboxes),
    /// takes the customer off the walk-in lists of the stores that identified them, off the portfolio and the alert
    /// queue that list them, and off their region's tier board.
    /// </summary>
    private async Task ForgetCopiesAsync()
    {
        var calls = new List<Task>();
        var orders = (await erasures.WorkOrderIdsAsync(CustomerId)).Union(_profile.WorkOrders.Select(o => o.Id), StringComparer.Ordinal);
        foreach (var order in orders) calls.Add(GrainFactory.GetGrain<IWorkOrderGrain>(order).Erase());
        foreach (var store in _profile.Touchpoints.Where(t => t.StoreId is not null).Select(t => t.StoreId!).Distinct(StringComparer.Ordinal))
            calls.Add(GrainFactory.GetGrain<IStoreGrain>(store).Forget(CustomerId));
        if (CustomerSummary.Of(_profile) is { } line)
        {
            if (line.AccountManagerId is { } manager) calls.Add(GrainFactory.GetGrain<ICustomerListGrain>(Topics.Portfolio(manager)).Remove(CustomerId));
            if (line.PhoneManagerId is { } phone) calls.Add(GrainFactory.GetGrain<ICustomerListGrain>(Topics.Alerts(phone)).Remove(CustomerId));
            calls.Add(GrainFactory.GetGrain<ITierBoardGrain>(line.Region).Forget(CustomerId));
        }
        await Task.WhenAll(calls);
    }
}
