using Npgsql;
using NpgsqlTypes;

namespace Customer360.Grains.Retention;

/// <summary>
/// The retention job's statements. Deletions go through the SECURITY DEFINER functions of schemas 011 and 014: the
/// silo's role may not delete from the journal, the audit log, the tier changes or the read model by itself, and
/// each function refuses a retention shorter than its floor.
/// </summary>
public sealed class RetentionStore(NpgsqlDataSource db)
{
    /// <summary>The months that have a journal partition, oldest first.</summary>
    public async Task<IReadOnlyList<DateTime>> PartitionMonthsAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select month from c360_journal_partitions()");
        var months = new List<DateTime>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) months.Add(reader.GetFieldValue<DateTime>(0));
        return months;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> customers with an entry in the month's partition beyond their snapshot mark,
    /// each with the highest such sequence number.
    /// </summary>
    public async Task<IReadOnlyList<(string CustomerId, long Seq)>> UncoveredAsync(DateTime month, int limit, CancellationToken ct)
    {
        // Through the parent, so the silo's SELECT on c360_journal is enough; the range lets PostgreSQL scan only
        // the one partition.
        await using var cmd = db.CreateCommand("""
            select j.customer_id, max(j.seq)
            from c360_journal j left join c360_snapshot_marks m on m.customer_id = j.customer_id
            where j.occurred_at >= @from and j.occurred_at < @to and j.seq > coalesce(m.seq, 0)
            group by j.customer_id
            limit @limit
            """);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = month });
        cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = month.AddMonths(1) });
        cmd.Parameters.AddWithValue("limit", limit);
        var found = new List<(string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetInt64(1)));
        return found;
    }

    /// <summary>Drops the month's partition if it is old enough and covered: "dropped", "missing", "too-new" or "not-covered".</summary>
    public async Task<string> DropPartitionAsync(DateTime month, int keepMonths, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select c360_drop_journal_partition(@month, @keep)");
        cmd.Parameters.Add(new NpgsqlParameter("month", NpgsqlDbType.TimestampTz) { Value = month });
        cmd.Parameters.AddWithValue("keep", keepMonths);
        cmd.CommandTimeout = 600;
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public Task<long> PruneAuditAsync(int days, CancellationToken ct) => ScalarAsync("select c360_prune_audit(@days)", days, null, ct);

    public Task<long> PruneTierChangesAsync(int days, int limit, CancellationToken ct) =>
        ScalarAsync("select c360_prune_tier_changes(@days, @limit)", days, limit, ct);

    public Task<long> PruneClosedRowsAsync(int days, int limit, CancellationToken ct) =>
        ScalarAsync("select c360_prune_closed_rows(@days, @limit)", days, limit, ct);

    /// <summary>Up to <paramref name="limit"/> accounts closed more than <paramref name="days"/> ago and not erased yet, oldest closure first.</summary>
    public async Task<IReadOnlyList<(string CustomerId, DateTimeOffset ClosedAt)>> ClosedBeforeAsync(int days, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select c.customer_id, c.closed_at from c360_closures c
            where c.closed_at < now() - make_interval(days => @days)
              and not exists (select 1 from c360_erased e where e.customer_id = c.customer_id)
            order by c.closed_at
            limit @limit
            """);
        cmd.Parameters.AddWithValue("days", days);
        cmd.Parameters.AddWithValue("limit", limit);
        var found = new List<(string, DateTimeOffset)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return found;
    }

    /// <summary>
    /// The audit entry of an erasure by the job, written before the erasure (as the erase route does): actor
    /// "retention", kind "erasure", the rule as detail. Through <c>c360_audit_retention_erasure</c>: the silo's role
    /// may write no other audit entry.
    /// </summary>
    public async Task AuditErasureAsync(string customerId, string detail, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select c360_audit_retention_erasure(@id, @detail)");
        cmd.Parameters.AddWithValue("id", customerId);
        cmd.Parameters.AddWithValue("detail", detail);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ScalarAsync(string sql, int days, int? limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue("days", days);
        if (limit is { } l) cmd.Parameters.AddWithValue("limit", l);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
