using Npgsql;

namespace Customer360.Gateway.Erasure;

/// <summary>
/// The tombstones of erased customers (<c>c360_erased</c>). Asked only when a read found no customer, so a read of
/// a live profile costs nothing more: then an erased id answers 410 Gone instead of 404/403.
/// </summary>
public static class Tombstones
{
    public static async Task<bool> IsErasedAsync(NpgsqlDataSource db, string customerId)
    {
        await using var cmd = db.CreateCommand("select exists (select 1 from c360_erased where customer_id = @id)");
        cmd.Parameters.AddWithValue("id", customerId);
        return await cmd.ExecuteScalarAsync() is true;
    }

    /// <summary>
    /// 410 to every signed-in caller: the id carries no personal data, and the person's data is gone for everyone,
    /// admins included.
    /// </summary>
    public static IResult Gone(string customerId) =>
        Results.Problem(title: "Erased", detail: $"customer {customerId} was erased; nothing of them is kept but the id",
            statusCode: StatusCodes.Status410Gone);
}
