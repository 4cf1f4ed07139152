using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Events;
using Customer360.Domain.WorkOrders;
using Customer360.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360.Grains.WorkOrders;

/// <summary>
/// One work order. A step is decided by <see cref="WorkOrderSteps"/>, persisted, and only then answered; then
/// it is copied to the addressee's and the dispatcher's inboxes and to the customer's profile. A copy that
/// fails is retried by a timer, and at the latest before the next step, so every step reaches the copies,
/// in order. Non-reentrant: a step and its copies finish before the next call starts.
/// </summary>
public sealed partial class WorkOrderGrain(
    [PersistentState("workorder", StorageNames.Profiles)] IPersistentState<WorkOrderGrainState> state,
    [FromKeyedServices(Clocks.Business)] TimeProvider time,
    ILogger<WorkOrderGrain> logger) : Grain, IWorkOrderGrain, IRemindable
{
    private const string ExpiryReminder = "expiry";
    private static readonly TimeSpan RetryCopiesEvery = TimeSpan.FromSeconds(5);

    private IGrainTimer? _retry;
    private bool _copiedUnsaved;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        // A crash may have come between persisting a step and copying it.
        await TryCopyAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        if (!_copiedUnsaved) return;
        try
        {
            await state.WriteStateAsync(ct);
        }
        catch (Exception ex)
        {
            // Only the copy marker is lost: the next activation copies the step again, which changes nothing.
            LogMarkerNotSaved(logger, Id, ex.GetType().Name);
        }
    }

    public async Task<WorkOrderResult> Dispatch(WorkOrderDraft draft, Dispatcher dispatcher)
    {
        if (state.State.Order is { } existing) return WorkOrderResult.Refused(existing, $"work order {Id} already exists");
        var result = WorkOrderSteps.Dispatch(Id, draft, dispatcher, time.GetUtcNow());
        if (result.Order is not { } order) return result;
        // Armed before the order is stored: a stored order always has its expiry, and a reminder left by an
        // order that was never stored finds nothing and unregisters itself.
        await ArmExpiryAsync(order.DueAt);
        await TakeAsync(order);
        return result;
    }

    public Task<WorkOrderResult> Accept(string by) => StepAsync((o, now) => WorkOrderSteps.Accept(o, by, now));

    public Task<WorkOrderResult> Complete(string? outcome, string by) => StepAsync((o, now) => WorkOrderSteps.Complete(o, outcome, by, now));

    public Task<WorkOrderResult> Reject(string? reason, string by) => StepAsync((o, now) => WorkOrderSteps.Reject(o, reason, by, now));

    public Task<WorkOrder?> Get() => Task.FromResult(state.State.Order);

    public async Task Erase()
    {
        if (state.State.Order is not { } order || WorkOrderErasure.Erase(order) is not { } blank) return;
        state.State.Order = blank;
        // Marked copied already: the step must never reach the customer's profile, which is what calls this (a
        // call back into it would wait for itself) and which refuses every event once erased anyway.
        state.State.CopiedStep = blank.Step;
        await state.WriteStateAsync();
        var inboxes = blank.Addressee.Inbox == blank.DispatchedBy.Inbox ? [blank.Addressee.Inbox] : new[] { blank.Addressee.Inbox, blank.DispatchedBy.Inbox };
        await Task.WhenAll(inboxes.Select(inbox => GrainFactory.GetGrain<IWorkOrderInboxGrain>(inbox).Record(blank)));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Order is not { IsOpen: true } order)
        {
            await DisarmExpiryAsync();
            return;
        }
        // The business clock may lag the runtime's, which fires reminders: then it is not due yet.
        if (!WorkOrderSteps.IsDue(order, time.GetUtcNow()))
        {
            await ArmExpiryAsync(order.DueAt);
            return;
        }
        await CopyAsync();
        await TakeAsync(WorkOrderSteps.Expire(order, time.GetUtcNow()).Order!);
    }

    private async Task<WorkOrderResult> StepAsync(Func<WorkOrder, DateTimeOffset, WorkOrderResult> step)
    {
        if (state.State.Order is not { } order) return WorkOrderResult.Unknown(Id);
        // The previous step reaches the copies before this one, or this call fails with nothing changed.
        await CopyAsync();
        var now = time.GetUtcNow();
        // Past its due time the order is expired, whether or not the reminder has fired yet.
        if (WorkOrderSteps.IsDue(order, now))
        {
            order = WorkOrderSteps.Expire(order, now).Order!;
            await TakeAsync(order);
        }
        var result = step(order, now);
        if (result.Outcome == WorkOrderOutcome.Applied) await TakeAsync(result.Order!);
        return result;
    }

    /// <summary>Persists the next step (throws if that fails: then it is not taken), then copies it.</summary>
    private async Task TakeAsync(WorkOrder next)
    {
        state.State.Order = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the write landed is unknown: this activation's memory can no longer be trusted.
            this.DeactivateOnIdle();
            throw;
        }
        _copiedUnsaved = false;
        if (!next.IsOpen) await DisarmExpiryAsync();
        await TryCopyAsync();
    }

    private async Task TryCopyAsync()
    {
        try
        {
            await CopyAsync();
        }
        catch (Exception ex)
        {
            // The step is durable and answered; its copies follow when the cluster lets them.
            LogCopyFailed(logger, Id, ex.GetType().Name);
            _retry ??= this.RegisterGrainTimer(RetryCopyAsync, new GrainTimerCreationOptions(RetryCopiesEvery, RetryCopiesEvery) { KeepAlive = true });
        }
    }

    private async Task RetryCopyAsync(CancellationToken ct)
    {
        try
        {
            await CopyAsync();
        }
        catch (Exception ex)
        {
            LogCopyFailed(logger, Id, ex.GetType().Name);
        }
    }

    /// <summary>Copies the current step to both inboxes and the customer's profile, if it is not known to be there.</summary>
    private async Task CopyAsync()
    {
        if (state.State.Order is not { } order || state.State.CopiedStep >= order.Step) return;
        var inboxes = order.Addressee.Inbox == order.DispatchedBy.Inbox ? [order.Addressee.Inbox] : new[] { order.Addressee.Inbox, order.DispatchedBy.Inbox };
        await Task.WhenAll(inboxes.Select(inbox => GrainFactory.GetGrain<IWorkOrderInboxGrain>(inbox).Record(order)));
        var outcome = (await GrainFactory.GetGrain<ICustomerGrain>(order.CustomerId).Ingest([WorkOrderRecorded.Of(order)]))[0];
        // A refusal cannot change by sending again (the customer is not registered): it is reported, not retried.
        if (outcome.Kind == EventOutcomeKind.Rejected) LogNotOnProfile(logger, Id, outcome.Error);
        state.State.CopiedStep = order.Step;
        _copiedUnsaved = true;
        _retry?.Dispose();
        _retry = null;
    }

    private async Task ArmExpiryAsync(DateTimeOffset dueAt)
    {
        // Reminders persist in PostgreSQL, so expiry comes even if this grain is idle or its silo died. The
        // period (Orleans' minimum) matters only after the due time: a tick that failed is tried again then.
        var dueIn = dueAt - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ExpiryReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    private async Task DisarmExpiryAsync()
    {
        try
        {
            if (await this.GetReminder(ExpiryReminder) is { } reminder) await this.UnregisterReminder(reminder);
        }
        catch (Exception ex)
        {
            // A reminder left behind fires later, finds the order closed and tries again.
            LogDisarmFailed(logger, Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work order {WorkOrderId}: copying its step to inboxes and profile failed ({Error}); retrying")]
    private static partial void LogCopyFailed(ILogger logger, string workOrderId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work order {WorkOrderId}: the customer's profile refused its step: {Error}")]
    private static partial void LogNotOnProfile(ILogger logger, string workOrderId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Work order {WorkOrderId}: unregistering its expiry reminder failed ({Error}); it will tidy itself up when it fires")]
    private static partial void LogDisarmFailed(ILogger logger, string workOrderId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Work order {WorkOrderId}: saving the copy marker on deactivation failed ({Error})")]
    private static partial void LogMarkerNotSaved(ILogger logger, string workOrderId, string error);
}
