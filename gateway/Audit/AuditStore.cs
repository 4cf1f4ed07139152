using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Gateway.Audit;

/// <summary>The audit log's table, <c>c360_audit</c> (schema <c>009_audit.sql</c> and <c>011_audit.sql</c>, applied by the silo).</summary>
public sealed class AuditStore(NpgsqlDataSource db)
{
    // One statement for the whole batch: the arrays travel as parameters, so a batch of any size is one round trip.
    private const string InsertSql = """
        insert into c360_audit (at, user_name, role, customer_id, through, detail, kind)
        select * from unnest(@at, @user_names, @roles, @customer_ids, @throughs, @details, @kinds)
        """;

    /// <summary>Closes the pool's idle connections (dead ones after a PostgreSQL restart); the next command opens a fresh one.</summary>
    public void ForgetIdleConnections() => db.Clear();

    public async Task InsertAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var n = entries.Count;
        var at = new DateTime[n];
        var users = new string[n];
        var roles = new string[n];
        var customers = new string[n];
        var throughs = new string[n];
        var details = new string?[n];
        var kinds = new string[n];
        for (var i = 0; i < n; i++)
        {
            var e = entries[i];
            at[i] = e.At.UtcDateTime;
            users[i] = e.UserName;
            roles[i] = e.Role;
            customers[i] = e.CustomerId;
            throughs[i] = e.Through;
            details[i] = e.Detail;
            kinds[i] = e.KindOrDefault;
        }

        await using var cmd = db.CreateCommand(InsertSql);
        cmd.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = at });
        cmd.Parameters.AddWithValue("user_names", users);
        cmd.Parameters.AddWithValue("roles", roles);
        cmd.Parameters.AddWithValue("customer_ids", customers);
        cmd.Parameters.AddWithValue("throughs", throughs);
        cmd.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = details });
        cmd.Parameters.AddWithValue("kinds", kinds);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        // Only the conditions asked for go into the statement, so each query can use its index
        // (customer and time, user and time, or time alone).
        var sql = new StringBuilder("select at, user_name, role, customer_id, through, detail, kind from c360_audit where true");
        await using var cmd = db.CreateCommand();
        if (query.CustomerId is { } customerId)
        {
            sql.Append(" and customer_id = @customer_id");
            cmd.Parameters.AddWithValue("customer_id", customerId);
        }
        if (query.UserName is { } userName)
        {
            sql.Append(" and user_name = @user_name");
            cmd.Parameters.AddWithValue("user_name", userName);
        }
        if (query.Kind is { } kind)
        {
            sql.Append(" and kind = @kind");
            cmd.Parameters.AddWithValue("kind", kind);
        }
        if (query.Since is { } since)
        {
            sql.Append(" and at >= @since");
            cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = since.UtcDateTime });
        }
        if (query.Until is { } until)
        {
            sql.Append(" and at < @until");
            cmd.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = until.UtcDateTime });
        }
        sql.Append(" order by at desc, id desc limit @limit");
        cmd.Parameters.AddWithValue("limit", query.Limit);
        cmd.CommandText = sql.ToString();

        var found = new List<AuditEntry>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        return found;
    }
}
