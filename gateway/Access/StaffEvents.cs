using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Domain.Events;
using Customer360.Gateway.Audit;

namespace Customer360.Gateway.Access;

/// <summary>
/// Turns what a person does on a console (an alert action, a manual tag, a touchpoint) into an event of the
/// customer's journal: it is durable before it is answered, replayed after a crash, shown on the timeline, and
/// pushed to every console that follows the customer, exactly like the feed's events.
/// </summary>
public sealed class StaffEvents(IClusterClient cluster, [FromKeyedServices(Clocks.Business)] TimeProvider time)
{
    public async Task<EventOutcome> SendAsync(string customerId, EventPayload payload)
    {
        var e = new CustomerEvent($"staff-{Guid.NewGuid():N}", customerId, null, time.GetUtcNow(), payload);
        // Real time, whatever the business clock says: the push lag metric measures from here to the consoles.
        EventArrival.Stamp(TimeProvider.System.GetUtcNow());
        // A person waits for the answer: never behind a bulk feed's batches.
        RequestLane.MarkInteractive();
        var outcomes = await cluster.GetGrain<ICustomerGrain>(customerId).Ingest([e]);
        return outcomes[0];
    }

    /// <summary>
    /// The profile as it is now, for the answer to a staff action, once the audit log holds that the actor saw it
    /// (kind <see cref="AuditKinds.Action"/>).
    /// </summary>
    public static async Task<IResult> AuditedViewAsync(HttpContext http, CustomerReader reader, Viewer viewer, string customerId, string language)
    {
        var view = (await reader.ReadAsync(viewer, customerId, language)).View;
        if (view is not null) await http.AuditReadAsync(customerId, AuditKinds.Action);
        return Results.Ok(view);
    }

    /// <summary>The answer to a staff action: the profile as it is now, or why it was refused.</summary>
    public static async Task<IResult> AnswerAsync(EventOutcome outcome, Func<Task<IResult>> current) => outcome.Kind switch
    {
        EventOutcomeKind.Rejected when outcome.Error!.Contains("not found", StringComparison.Ordinal) => Problems.NotFound(outcome.Error),
        EventOutcomeKind.Rejected => Problems.Conflict(outcome.Error!),
        _ => await current(),
    };
}
