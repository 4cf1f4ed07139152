using System.Text.Json;
using Customer360.Domain.Events;

namespace Customer360.Domain.WorkOrders;

/// <summary>
/// Reads the JSON bodies of the work-order API with the feed's field reader, so a bad field is named the way
/// a bad event field is (<c>dueAt must be an ISO 8601 time with an offset…</c>). Only shapes are checked
/// here; what the values must be (a due time in the future…) is for <see cref="WorkOrderSteps"/>.
/// </summary>
public static class WorkOrderRequests
{
    /// <summary>The body of <c>POST /api/v1/work-orders</c>, or the problem with it.</summary>
    public static (WorkOrderDraft? Draft, string? Error) ReadDraft(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object");
        try
        {
            var fields = new FieldReader(body, "");
            var customerId = fields.OptionalId("customerId") ?? throw new InvalidEventException("customerId is required");
            var to = fields.RequiredObject("addressee");
            var addressee = new Addressee(to.RequiredEnum<AddresseeKind>("kind"),
                to.OptionalId("id") ?? throw new InvalidEventException("addressee.id is required"));
            return (new WorkOrderDraft(customerId, addressee, fields.RequiredEnum<WorkOrderKind>("kind"), fields.RequiredTimestamp("dueAt"),
                fields.OptionalString("notes", WorkOrderSteps.MaxTextLength)), null);
        }
        catch (InvalidEventException ex)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>
    /// One text field of a step's body (<c>outcome</c>, <c>reason</c>): null when absent, which the step then
    /// refuses if it needs the text.
    /// </summary>
    public static (string? Text, string? Error) ReadText(JsonElement body, string field)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object");
        try
        {
            return (new FieldReader(body, "").OptionalString(field, WorkOrderSteps.MaxTextLength), null);
        }
        catch (InvalidEventException ex)
        {
            return (null, ex.Message);
        }
    }
}
