using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Grains.Storage;

/// <summary>
/// The journal's monthly partitions (schema 014), as far as this silo needs to know them: before an append names a
/// month it has not seen, <c>c360_ensure_journal_partitions</c> makes sure that month's partition exists, so an event
/// of a month nobody created a partition for (a late record, a backfill) never fails its batch. A month once seen
/// costs nothing more; the retention job creates the months ahead, so the first appends of a month find it made.
/// </summary>
public sealed class JournalPartitions(NpgsqlDataSource db)
{
    // The function refuses more in one call.
    private const int MaxMonthsPerCall = 36;

    private readonly ConcurrentDictionary<DateTime, byte> _known = new();

    /// <summary>The first instant (UTC) of the month holding <paramref name="at"/>.</summary>
    public static DateTime MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTime(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>Makes sure the months of <paramref name="times"/> have their partitions; one round trip when one is new to this silo.</summary>
    public async Task EnsureAsync(IEnumerable<DateTimeOffset> times, CancellationToken ct = default)
    {
        List<DateTime>? missing = null;
        foreach (var at in times)
        {
            var month = MonthOf(at);
            if (!_known.ContainsKey(month) && !(missing ??= []).Contains(month)) missing.Add(month);
        }
        if (missing is null) return;
        await CreateAsync(missing, ct);
    }

    /// <summary>Creates the partitions of <paramref name="months"/> that do not exist yet; returns how many it created.</summary>
    public async Task<int> CreateAsync(IReadOnlyList<DateTime> months, CancellationToken ct = default)
    {
        var created = 0;
        foreach (var chunk in months.Chunk(MaxMonthsPerCall))
        {
            await using var cmd = db.CreateCommand("select c360_ensure_journal_partitions(@months)");
            cmd.Parameters.Add(new NpgsqlParameter("months", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = chunk });
            created += (int)(await cmd.ExecuteScalarAsync(ct))!;
            foreach (var month in chunk) _known[month] = 0;
        }
        return created;
    }

    /// <summary>Forgets the months seen: one of them was dropped since (retention), and must be made again when needed.</summary>
    public void Forget() => _known.Clear();

    /// <summary>An append that met a month without a partition ("no partition of relation … found for row").</summary>
    public static bool IsMissingPartition(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.CheckViolation && ex.MessageText.StartsWith("no partition of relation", StringComparison.Ordinal);
}
