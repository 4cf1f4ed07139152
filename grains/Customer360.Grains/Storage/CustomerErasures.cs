using Customer360.Domain.Events;
using Npgsql;

namespace Customer360.Grains.Storage;

/// <summary>
/// The database's part of erasing a customer: <c>c360_erase_customer</c> (schema 013), which in one transaction
/// leaves the tombstone and blanks the journal payloads, the MSISDN index entries, the read-model row and the tier
/// changes of that customer. The silo's role may not update the journal otherwise.
/// </summary>
public sealed class CustomerErasures(NpgsqlDataSource db)
{
    /// <summary>Erases the customer's rows; true when the tombstone is new, false when it was there already.</summary>
    public async Task<bool> EraseAsync(string customerId, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select c360_erase_customer(@id)");
        cmd.Parameters.AddWithValue("id", customerId);
        return await cmd.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// Every work order ever recorded for the customer, from the journal: the profile lists only the newest
    /// (WorkOrderFacts.MaxWorkOrders), while older orders' grains and inboxes still hold their notes. The ids survive
    /// the scrub of erased payloads, so the list is the same before and after.
    /// </summary>
    public async Task<IReadOnlyList<string>> WorkOrderIdsAsync(string customerId, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select distinct o.id #>> '{}'
            from c360_journal j, jsonb_path_query(j.payload::jsonb, 'strict $.**.order.id') as o(id)
            where j.customer_id = @id and j.type = @type
            """);
        cmd.Parameters.AddWithValue("id", customerId);
        cmd.Parameters.AddWithValue("type", WorkOrderRecorded.WireType);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}
