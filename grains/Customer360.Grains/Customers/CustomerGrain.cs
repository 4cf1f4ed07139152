using Customer360.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Domain.Rules;
using Customer360.Grains.Hosting.Telemetry;
using Customer360.Grains.Lists;
using Customer360.Grains.Push;
using Customer360.Grains.Rules;
using Customer360.Grains.Retention;
using Customer360.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Customer360.Grains.Customers;

/// <summary>
/// One customer. Events are journaled (group commit, shared with other grains) before they are applied and
/// acknowledged; the profile snapshot is written lazily, and activation replays the journal beyond it. After
/// every change the rules re-derive tier, stage, tags, alerts and actions; a reminder wakes the grain when a
/// time-driven rule (birthday, contract expiry, recovery…) is next due, so no customer is polled.
/// Non-reentrant: a batch is journaled, applied, derived and published before the next call starts, which is
/// what keeps journal sequence numbers and the profile version in step.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Profiles)] IPersistentState<CustomerSnapshot> snapshot,
    IEventJournal journal,
    PushOutbox outbox,
    RulesCache rules,
    ActiveCustomers active,
    SnapshotGate snapshotGate,
    SnapshotSchedule snapshotSchedule,
    SummaryFanout fanout,
    CustomerErasures erasures,
    ProfileMetrics metrics,
    SnapshotMarks marks,
    IOptions<CustomerGrainOptions> options,
    IOptions<PushOptions> pushOptions,
    IOptions<RetentionOptions> retention,
    [FromKeyedServices(Clocks.Business)] TimeProvider time,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain, IRemindable
{
    private const string RulesReminder = "rules";

    private CustomerProfile _profile = null!;
    private long _journalSeq;
    // Made when a console first follows this customer: most of a million active profiles are followed by none.
    private TopicSubscribers? _subscribers;
    // Events waiting for the registration; null when none (nearly always), which saves a list per profile.
    private List<CustomerEvent>? _held;
    private int _unsnapshotted;
    private bool _reminderFired;
    private bool _snapshotScheduled;
    // Erased (see CustomerSnapshot.Erased): the profile is empty for good and every event is refused.
    private bool _erased;
    // What lists were last told of this customer: they hear of a change only when it would show.
    private ListFacts? _line;
    // Who may read this customer, as the read model was last told (AccessFacts.ScopeHash): see PublishLineAsync.
    private int? _scope;

    // Set on activation. One string for the life of the activation: each GetPrimaryKeyString() makes a new one.
    private string CustomerId { get; set; } = null!;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var state = snapshot.State;
        var key = this.GetPrimaryKeyString();
        // The snapshot's copy of the id, when it has one, so the profile and the grain share it.
        CustomerId = state.Profile?.CustomerId == key ? state.Profile.CustomerId : key;
        _profile = state.Profile ?? new CustomerProfile { CustomerId = CustomerId };
        // A snapshot holds its own copy of every reason: share them, as freshly derived ones are.
        if (state.Profile is not null) SharedReasons.ShareIn(_profile.Derived);
        _journalSeq = state.JournalSeq;
        _held = state.Held is { Count: > 0 } held ? [.. held] : null;
        _erased = state.Erased;
        // Nothing to replay: the journal holds only blanked payloads of an erased customer, and nobody reads them.
        if (_erased) return;
        // What the lists knew when the snapshot was taken; replay and derivation below tell them what moved since.
        _line = CustomerSummary.Of(_profile) is { } line ? ListFacts.Of(line) : null;
        _scope = CustomerSummary.Of(_profile) is { } known ? AccessFacts.Of(known).ScopeHash() : null;
        // Recovery: whatever was acknowledged after the last snapshot is in the journal.
        var missed = await journal.ReadAfterAsync(CustomerId, _journalSeq, ct);
        foreach (var entry in missed)
        {
            // A staff action acts on the alerts derived before it; replay applies events without deriving, so
            // derive first, at the moment the action was taken, or an acknowledged alert would not be found.
            if (entry.Event.Payload is AlertActionTaken && _profile.IsRegistered) ProfileRules.Derive(_profile, rules.Current, entry.Event.OccurredAt);
            // Whatever the setting is now, an entry journaled while the customer was unregistered was held then.
            ApplyOrHold(entry.Event);
            _journalSeq = entry.Seq;
        }
        if (missed.Count > 0)
        {
            LogReplayed(logger, missed.Count);
            MarkChanged(missed.Count);
        }
        active.Add(CustomerId);
        // Settings may have changed while this profile slept, and time has passed: bring it up to date.
        if (_profile.IsRegistered) await DeriveAsync([], ProfileMetrics.ByActivation);
        // The read model may not hold this line yet (written before the read model existed, or lost with a silo):
        // offer it on every activation. It costs a row only where the stored version is older.
        if (CustomerSummary.Of(_profile) is { } current) fanout.Refresh(current);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        active.Remove(CustomerId);
        // ct is cancelled when the deactivation (or the silo's stop, Shutdown:Timeout) runs out of time: the write is
        // given up then, which loses nothing, since the journal holds every acknowledged event.
        if (_unsnapshotted > 0 && reason.ReasonCode != DeactivationReasonCode.ApplicationError)
            await TryWriteSnapshotAsync(ct);
    }

    public async Task<ImmutableArray<EventOutcome>> Ingest(ImmutableArray<CustomerEvent> events)
    {
        // Our span of the batch, inside Orleans' span of the call: the journal's commit span hangs off it.
        using var span = SiloTelemetry.Source.StartActivity("customer ingest");
        span?.SetTag("c360.events", events.Length);
        var outcomes = new EventOutcome[events.Length];
        if (_erased)
        {
            // Rejected rather than answered as duplicates: the producer learns why, and a resent registration or a
            // late event never brings the person back.
            var refused = EventOutcome.Rejected($"customer {CustomerId} was erased; no event is taken for it any more");
            Array.Fill(outcomes, refused);
            return [.. outcomes];
        }
        var refusals = ProfileApplier.Admit(_profile, events);
        var hold = options.Value.HoldUnregistered;
        // Most batches hold one event: only a longer one can repeat an id within itself.
        var batchIds = events.Length > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        var candidates = new List<(int Index, JournalEntry Entry)>(events.Length);
        var nextSeq = _journalSeq;
        var holding = _held?.Count ?? 0;
        // By the business calendar, as every rule of the profile (the real one outside tests that move it).
        var horizon = retention.Value.JournalHorizon(time.GetUtcNow());
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (e.OccurredAt < horizon)
            {
                outcomes[i] = EventOutcome.Rejected($"event {e.EventId} occurred on {e.OccurredAt.UtcDateTime:yyyy-MM-dd}, before {horizon.UtcDateTime:yyyy-MM-dd}: "
                    + $"the journal keeps {retention.Value.JournalMonths} months (Retention:JournalMonths), so it could not be told from one already taken");
                continue;
            }
            var held = hold && refusals[i] is not null && ProfileApplier.AwaitsRegistration(_profile, e);
            if (refusals[i] is { } refusal && !held) outcomes[i] = EventOutcome.Rejected(refusal);
            else if (batchIds?.Add(e.EventId) == false) outcomes[i] = EventOutcome.Duplicate;
            else if (held && ++holding > options.Value.MaxHeldEvents)
                outcomes[i] = EventOutcome.Rejected($"{refusals[i]}, and {options.Value.MaxHeldEvents} events are already held for it");
            else candidates.Add((i, new JournalEntry(++nextSeq, e)));
        }
        if (candidates.Count == 0) return [.. outcomes];

        IReadOnlySet<string> duplicates;
        try
        {
            // This grain is not reentrant and awaits the append: its appends commit one after another, whichever lane.
            duplicates = await journal.AppendAsync(CustomerId, candidates.ConvertAll(c => c.Entry), RequestLane.IsInteractive);
        }
        catch
        {
            // The outcome is unknown (the commit may have happened). Start over from the journal on the next
            // call rather than guess: this activation's memory can no longer be trusted.
            this.DeactivateOnIdle();
            throw;
        }

        _journalSeq = nextSeq;
        var now = time.GetUtcNow();
        // Sections the batch changed: one or two, so a list (DeriveAsync sorts them).
        var changed = new List<string>(2);
        var applied = 0;
        var countersOnly = true;
        List<(TouchpointRecorded Touchpoint, DateTimeOffset At)>? walkIns = null;
        foreach (var (index, entry) in candidates)
        {
            if (duplicates.Contains(entry.Event.EventId))
            {
                outcomes[index] = EventOutcome.Duplicate;
                continue;
            }
            applied++;
            countersOnly &= ProfileApplier.AddsToCounters(_profile, entry.Event, now);
            if (ApplyOrHold(entry.Event, changed) is not { } result)
            {
                outcomes[index] = EventOutcome.Held;
                continue;
            }
            outcomes[index] = result.IsRejected ? EventOutcome.Rejected(result.Rejection!) : EventOutcome.Accepted;
            if (!result.IsRejected && entry.Event.Payload is TouchpointRecorded { Kind: TouchpointKind.WalkIn, StoreId: not null } walkIn)
                (walkIns ??= []).Add((walkIn, entry.Event.OccurredAt));
        }
        // Held earlier in this very batch, applied once its registration came: for the producer, accepted.
        if (_held is null)
            for (var i = 0; i < outcomes.Length; i++)
                if (outcomes[i].Kind == EventOutcomeKind.Held) outcomes[i] = EventOutcome.Accepted;

        if (applied > 0)
        {
            MarkChanged(applied);
            // Usage that only ran up this month's counters rarely changes a derived section: checked, not re-derived.
            if (countersOnly && ProfileRules.StandsAfterCounters(_profile, rules.Current, now, snapshot.State.ReminderDue))
                Publish(changed);
            else if (_profile.IsRegistered) await DeriveAsync(changed, ProfileMetrics.ByEvent);
            if (_unsnapshotted >= options.Value.SnapshotEveryEvents) await TryWriteSnapshotAsync();
        }
        if (walkIns is not null) await TellStoresAsync(walkIns);
        return [.. outcomes];
    }

    /// <summary>
    /// A walk-in (from a store's console or its own systems through the feed) puts the customer on that store's
    /// list of the day, which lets its staff read them, and tells the account manager. Live only: replay does
    /// not identify anyone again. The walk-in itself is journaled already, so a store that cannot be told is
    /// logged, not failed: its staff identify the customer again.
    /// </summary>
    private async Task TellStoresAsync(List<(TouchpointRecorded Touchpoint, DateTimeOffset At)> walkIns)
    {
        if (CustomerSummary.Of(_profile) is not { } line) return;
        foreach (var (touchpoint, at) in walkIns)
        {
            try
            {
                await GrainFactory.GetGrain<IStoreGrain>(touchpoint.StoreId!).RecordWalkIn(line, touchpoint.StaffId, at);
            }
            catch (Exception ex)
            {
                LogStoreNotTold(logger, ex);
            }
        }
    }

    /// <summary>
    /// Applies a journaled event, or holds it when it must wait for the customer's registration (null). A
    /// registration releases the held events, in the order they arrived.
    /// </summary>
    private ApplyOutcome? ApplyOrHold(CustomerEvent e, List<string>? changed = null)
    {
        if (ProfileApplier.AwaitsRegistration(_profile, e))
        {
            (_held ??= []).Add(e);
            return null;
        }
        var result = ProfileApplier.Apply(_profile, e);
        if (changed is not null) AddSections(changed, result.Changed);
        if (_held is not null && _profile.IsRegistered)
        {
            var released = _held;
            _held = null;
            foreach (var waiting in released)
            {
                var sections = ProfileApplier.Apply(_profile, waiting).Changed;
                if (changed is not null) AddSections(changed, sections);
            }
        }
        return result;
    }

    private static void AddSections(List<string> changed, IReadOnlyList<string> sections)
    {
        for (var i = 0; i < sections.Count; i++)
            if (!changed.Contains(sections[i])) changed.Add(sections[i]);
    }

    public Task<ProfileView?> GetView(string language) =>
        Task.FromResult(_profile.IsRegistered ? ProfileView.From(_profile, time.GetUtcNow(), language) : null);

    public async Task ApplyRules(long rulesVersion)
    {
        if (_profile.IsRegistered && _profile.Derived.RulesVersion < rulesVersion) await DeriveAsync([], ProfileMetrics.BySettings);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderFired = true;
        if (_profile.IsRegistered) await DeriveAsync([], ProfileMetrics.ByReminder);
        else await ScheduleReminderAsync(null);
    }

    // Leases run on real time, whatever the business clock says.
    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver) =>
        (_subscribers ??= new TopicSubscribers(outbox, TimeProvider.System, pushOptions.Value.SubscriptionLease)).Subscribe(gatewayId, receiver, _profile.Version);

    public Task Unsubscribe(string gatewayId) => _subscribers?.Unsubscribe(gatewayId) ?? Task.CompletedTask;

    /// <summary>
    /// Re-derives under the settings in force, publishes what changed (facts in <paramref name="changed"/> plus
    /// derived sections) and moves the reminder to the next time-driven moment.
    /// </summary>
    private async Task DeriveAsync(IReadOnlyCollection<string> changed, KeyValuePair<string, object?>[] trigger)
    {
        metrics.Reevaluated(trigger);
        var now = time.GetUtcNow();
        var settings = rules.Current;
        var derived = ProfileRules.Derive(_profile, settings, now);
        if (derived.Changed.Count > 0 && changed.Count == 0)
        {
            // A change without an event (time passed, settings moved) is still a new version for consoles. No
            // journal entry can replay it, so it is snapshotted now: versions must never go backwards after a
            // crash, or consoles would ignore the changes that follow.
            _profile.Version++;
            MarkChanged(1);
            await TryWriteSnapshotAsync();
        }
        // Publish sorts them: a list without repeats will do (a sorted set cost a tree per derivation).
        var sections = new List<string>(changed.Count + derived.Changed.Count);
        sections.AddRange(changed);
        AddSections(sections, derived.Changed);
        Publish(sections);
        await PublishLineAsync(derived.TierChanged);
        await ScheduleReminderAsync(ProfileRules.NextDue(_profile, settings, now));
    }

    /// <summary>Tells the lists that show this customer (read model, portfolio, alert queue, tier board) if its line changed.</summary>
    private async Task PublishLineAsync(Domain.Derived.TierChange? tierChange)
    {
        if (CustomerSummary.Of(_profile) is not { } line) return;
        var facts = ListFacts.Of(line);
        if (tierChange is null && facts == _line) return;
        var before = _line;
        _line = facts;
        // The gateway decides who may read a customer from the read model, before any profile is loaded. When
        // that changes (registration, managers, region, alert owners), the line is written before the change is
        // acknowledged, so a read right after the answer is decided on it. Bounded: with PostgreSQL slow the
        // answer goes out and reads lag until the line is written.
        var scope = AccessFacts.Of(line).ScopeHash();
        if (scope == _scope)
        {
            fanout.Publish(before, line, tierChange);
            return;
        }
        _scope = scope;
        if (!await fanout.PublishAndWaitAsync(before, line, tierChange, options.Value.ReadModelWait)) LogReadModelLate(logger);
    }

    public Task<CustomerSummary?> GetSummary() => Task.FromResult(CustomerSummary.Of(_profile));

    /// <summary>Tells the consoles following this customer which sections changed, if any did and any console follows.</summary>
    private void Publish(IReadOnlyCollection<string> sections)
    {
        if (sections.Count == 0 || _subscribers is not { Count: > 0 }) return;
        var names = sections.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        // A change caused by posted events carries their arrival at the gateway (push lag); others carry none.
        _subscribers.Publish(new PushMessage(Topics.Customer(CustomerId), PushKinds.ProfileChanged, CustomerId, _profile.Version, [.. names],
            ArrivedAt: EventArrival.Current));
    }

    /// <summary>
    /// Keeps one reminder armed for the next time-driven moment. Moving a reminder is a database write, and usage
    /// keeps pushing some moments later (inactivity, decline windows), so a reminder is only ever moved earlier:
    /// one that fires early costs a re-derivation, which arms it again for the right moment.
    /// </summary>
    private async Task ScheduleReminderAsync(DateTimeOffset? due)
    {
        var armed = snapshot.State.ReminderDue;
        if (due is { } at)
        {
            if (armed is { } current && current <= at && !_reminderFired) return;
            // Reminders persist in PostgreSQL, so the moment fires even if this grain is idle or its silo died.
            // The daily period is a safety net; each firing re-derives and arms it again anyway.
            var dueIn = at - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(RulesReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        }
        else if (armed is not null || _reminderFired)
        {
            if (await this.GetReminder(RulesReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        else return;
        _reminderFired = false;
        snapshot.State.ReminderDue = due;
        MarkChanged(0);
    }

    private void MarkChanged(int events)
    {
        _unsnapshotted += Math.Max(events, 1);
        if (_snapshotScheduled) return;
        // Spread over the second half of the delay: profiles changed together are not all written together.
        snapshotSchedule.Schedule(CustomerId, options.Value.SnapshotDelay * (0.5 + Random.Shared.NextDouble() / 2));
        _snapshotScheduled = true;
    }

    public async Task<long> SnapshotNow()
    {
        // Failures are the caller's to see: the job then keeps the partition.
        await WriteSnapshotAsync();
        return snapshot.RecordExists ? snapshot.State.JournalSeq : 0;
    }

    public Task WriteSnapshot()
    {
        _snapshotScheduled = false;
        return TryWriteSnapshotAsync();
    }

    // The events are durable in the journal already, so a failed snapshot loses nothing: it is logged and
    // retried later. A version conflict means another activation wrote after us: this one is stale.
    private async Task TryWriteSnapshotAsync(CancellationToken ct = default)
    {
        try
        {
            await WriteSnapshotAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogSnapshotGivenUp(logger);
        }
        catch (Exception ex)
        {
            LogSnapshotFailed(logger, ex);
            if (ex is InconsistentStateException) this.DeactivateOnIdle();
            else MarkChanged(0);
        }
    }

    private async Task WriteSnapshotAsync(CancellationToken ct = default)
    {
        if (_unsnapshotted == 0) return;
        // An erased customer's snapshot keeps no profile, only the flag (and the reminder's due time, null).
        snapshot.State.Profile = _erased ? null : _profile;
        snapshot.State.JournalSeq = _journalSeq;
        snapshot.State.Held = _held;
        await snapshotGate.RunAsync(snapshot.WriteStateAsync, ct);
        _unsnapshotted = 0;
        // After the write: a mark never claims more than the stored snapshot holds.
        marks.Record(CustomerId, snapshot.State.JournalSeq);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Snapshot write given up: the deactivation ran out of time; the journal holds every event")]
    private static partial void LogSnapshotGivenUp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot write failed; the journal still holds every event")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A walk-in could not be added to its store's list of the day")]
    private static partial void LogStoreNotTold(ILogger logger, Exception ex);

    // Debug: the read model's writer warns of its own failures; this only says that one answer did not wait for it.
    [LoggerMessage(Level = LogLevel.Debug, Message = "The read model did not take a change of who may read a customer in time; reads of it lag until it does")]
    private static partial void LogReadModelLate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Replayed {Count} journal entries beyond the snapshot")]
    private static partial void LogReplayed(ILogger logger, int count);
}
