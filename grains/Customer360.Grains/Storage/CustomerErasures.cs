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
}
