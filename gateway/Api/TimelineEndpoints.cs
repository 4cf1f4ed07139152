using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Domain;
using Customer360.Domain.Access;
using Customer360.Domain.Events;
using Customer360.Gateway.Access;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Localization;
using Npgsql;

namespace Customer360.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/customers/{id}/timeline</c>: the customer's events and touchpoints, newest first, read from
/// the journal (which holds every acknowledged event, staff actions included). Page back with <c>?before=seq</c>.
/// </summary>
public static class TimelineEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{id}/timeline", ReadAsync)
            .WithName("GetTimeline")
            .WithSummary("Events and touchpoints of one customer, newest first (?before=seq to page back, ?limit= up to 200).")
            .Produces<IReadOnlyList<TimelineEntry>>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Roles.StaffPolicy);
        return app;
    }

    private static async Task<IResult> ReadAsync(string id, string? before, string? limit, HttpContext http, CustomerReader reader, NpgsqlDataSource db)
    {
        if (!Ids.IsId(id)) return Problems.BadRequest(Ids.Rule("customer id"));
        if (http.User.ToViewer() is not { } viewer) return Problems.NotSignedIn();
        long? beforeSeq = null;
        if (before is not null)
        {
            if (!long.TryParse(before, out var b) || b < 1) return Problems.BadRequest("before must be a positive whole number (a seq)");
            beforeSeq = b;
        }
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit)) return Problems.BadRequest($"limit must be a whole number from 1 to {MaxLimit}");
        var read = await reader.ReadAsync(viewer, id, ConsoleLanguage.Of(http));
        if (read.Status != CustomerReadStatus.Allowed && await Erasure.Tombstones.IsErasedAsync(db, id)) return Erasure.Tombstones.Gone(id);
        if (read.Status == CustomerReadStatus.NotFound) return Problems.NotFound($"no customer {id} is registered");
        if (read.Status == CustomerReadStatus.Forbidden) return http.Denied(id, read.Why ?? "outside scope", Problems.OutOfScope(id));

        await using var cmd = db.CreateCommand("""
            select seq, event_id, type, occurred_at, payload from c360_journal
            where customer_id = @id and seq < @before order by seq desc limit @limit
            """);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("before", beforeSeq ?? long.MaxValue);
        cmd.Parameters.AddWithValue("limit", take);
        var entries = new List<TimelineEntry>();
        var masks = AccessRules.Masks(viewer);
        await using var rows = await cmd.ExecuteReaderAsync(http.RequestAborted);
        while (await rows.ReadAsync(http.RequestAborted))
        {
            var payload = masks ? MaskedPayloadOf(rows.GetString(4)) : PayloadOf(rows.GetString(4));
            // Producers choose event ids, and some build them from the phone number.
            var eventId = masks ? FreeText.MaskNumbers(rows.GetString(1))! : rows.GetString(1);
            entries.Add(new TimelineEntry(rows.GetInt64(0), eventId, rows.GetString(2), rows.GetFieldValue<DateTimeOffset>(3), payload));
        }
        await http.AuditReadAsync(id);
        return Results.Ok(entries);
    }

    private static JsonElement? PayloadOf(string journaled) =>
        JsonNode.Parse(journaled)?["payload"] is JsonObject payload ? JsonSerializer.SerializeToElement(payload) : null;

    /// <summary>
    /// The payload as a masked viewer may see it, rebuilt by the allow-list (PersonalDataMasking): nothing of a
    /// registration or update, no staff notes or outcomes, numbers masked in free text. A payload that does not
    /// read as a known event gives nothing rather than its raw JSON.
    /// </summary>
    private static JsonElement? MaskedPayloadOf(string journaled)
    {
        if (JsonNode.Parse(journaled)?["payload"] is not JsonObject node) return null;
        EventPayload? payload;
        try
        {
            payload = node.Deserialize<EventPayload>(DomainJson.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
        return payload is not null && PersonalDataMasking.Mask(payload) is { } masked
            ? JsonSerializer.SerializeToElement(masked, DomainJson.Options)
            : null;
    }
}
