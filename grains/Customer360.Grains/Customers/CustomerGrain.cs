using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Grains.Push;
using Customer360.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Customer360.Grains.Customers;

/// <summary>
/// One customer. Events are journaled (group commit, shared with other grains) before they are applied and
/// acknowledged; the profile snapshot is written lazily, and activation replays the journal beyond it.
/// Non-reentrant: a batch is journaled, applied and published before the next call starts, which is what
/// keeps journal sequence numbers and the profile version in step.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Profiles)] IPersistentState<CustomerSnapshot> snapshot,
    IEventJournal journal,
    PushOutbox outbox,
    IOptions<CustomerGrainOptions> options,
    IOptions<PushOptions> pushOptions,
    TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private CustomerProfile _profile = null!;
    private long _journalSeq;
    private RecentEventIds _recent = null!;
    private TopicSubscribers _subscribers = null!;
    private int _unsnapshotted;
    private IGrainTimer? _snapshotTimer;

    private string CustomerId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var state = snapshot.State;
        _profile = state.Profile ?? new CustomerProfile { CustomerId = CustomerId };
        _journalSeq = state.JournalSeq;
        _recent = new RecentEventIds(options.Value.RecentEventIds);
        state.RecentEventIds.ForEach(_recent.Add);
        _subscribers = new TopicSubscribers(outbox, time, pushOptions.Value.SubscriptionLease);

        // Recovery: whatever was acknowledged after the last snapshot is in the journal.
        var missed = await journal.ReadAfterAsync(CustomerId, _journalSeq, ct);
        foreach (var entry in missed)
        {
            ProfileApplier.Apply(_profile, entry.Event);
            _recent.Add(entry.Event.EventId);
            _journalSeq = entry.Seq;
        }
        if (missed.Count > 0)
        {
            LogReplayed(logger, missed.Count);
            MarkChanged(missed.Count);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        if (_unsnapshotted > 0 && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
            await WriteSnapshotAsync();
    }

    public async Task<ImmutableArray<EventOutcome>> Ingest(ImmutableArray<CustomerEvent> events)
    {
        var outcomes = new EventOutcome[events.Length];
        var refusals = ProfileApplier.Admit(_profile, events);
        var batchIds = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(int Index, JournalEntry Entry)>();
        var nextSeq = _journalSeq;
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (refusals[i] is { } refusal) outcomes[i] = EventOutcome.Rejected(refusal);
            else if (_recent.Contains(e.EventId) || !batchIds.Add(e.EventId)) outcomes[i] = EventOutcome.Duplicate;
            else candidates.Add((i, new JournalEntry(++nextSeq, e)));
        }
        if (candidates.Count == 0) return [.. outcomes];

        IReadOnlySet<string> duplicates;
        try
        {
            duplicates = await journal.AppendAsync(CustomerId, [.. candidates.Select(c => c.Entry)]);
        }
        catch
        {
            // The outcome is unknown (the commit may have happened). Start over from the journal on the next
            // call rather than guess: this activation's memory can no longer be trusted.
            this.DeactivateOnIdle();
            throw;
        }

        _journalSeq = nextSeq;
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var applied = 0;
        foreach (var (index, entry) in candidates)
        {
            if (duplicates.Contains(entry.Event.EventId))
            {
                outcomes[index] = EventOutcome.Duplicate;
                continue;
            }
            var result = ProfileApplier.Apply(_profile, entry.Event);
            _recent.Add(entry.Event.EventId);
            outcomes[index] = result.IsRejected ? EventOutcome.Rejected(result.Rejection!) : EventOutcome.Accepted;
            changed.UnionWith(result.Changed);
            applied++;
        }

        if (applied > 0)
        {
            _subscribers.Publish(new PushMessage(Topics.Customer(CustomerId), PushKinds.ProfileChanged, CustomerId,
                _profile.Version, [.. changed]));
            MarkChanged(applied);
            if (_unsnapshotted >= options.Value.SnapshotEveryEvents) await TryWriteSnapshotAsync();
        }
        return [.. outcomes];
    }

    public Task<ProfileView?> GetView() =>
        Task.FromResult(_profile.IsRegistered ? ProfileView.From(_profile, time.GetUtcNow()) : null);

    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver)
    {
        _subscribers.Renew(gatewayId, receiver);
        return Task.FromResult(_profile.Version);
    }

    public Task Unsubscribe(string gatewayId)
    {
        _subscribers.Remove(gatewayId);
        return Task.CompletedTask;
    }

    private void MarkChanged(int events)
    {
        _unsnapshotted += events;
        _snapshotTimer ??= this.RegisterGrainTimer(
            _ => TryWriteSnapshotAsync(),
            new GrainTimerCreationOptions(options.Value.SnapshotDelay, Timeout.InfiniteTimeSpan) { KeepAlive = false });
    }

    // The events are durable in the journal already, so a failed snapshot loses nothing: it is logged and
    // retried later. A version conflict means another activation wrote after us: this one is stale.
    private async Task TryWriteSnapshotAsync()
    {
        try
        {
            await WriteSnapshotAsync();
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(logger, ex);
            if (ex is InconsistentStateException) this.DeactivateOnIdle();
            else MarkChanged(0);
        }
    }

    private async Task WriteSnapshotAsync()
    {
        _snapshotTimer?.Dispose();
        _snapshotTimer = null;
        if (_unsnapshotted == 0) return;
        snapshot.State.Profile = _profile;
        snapshot.State.JournalSeq = _journalSeq;
        snapshot.State.RecentEventIds = _recent.ToList();
        await snapshot.WriteStateAsync();
        _unsnapshotted = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot write failed; the journal still holds every event")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replayed {Count} journal entries beyond the snapshot")]
    private static partial void LogReplayed(ILogger logger, int count);
}
