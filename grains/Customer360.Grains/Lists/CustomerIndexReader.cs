using System.Text.Json;
using Customer360.Domain;
using Customer360.Domain.Views;
using Npgsql;

namespace Customer360.Grains.Lists;

/// <summary>Reads lines and tier changes back from the read model, for lists and boards rebuilding themselves on activation.</summary>
public sealed class CustomerIndexReader(NpgsqlDataSource db)
{
    /// <summary>
    /// The lines of the customers whose <paramref name="column"/> (a manager id column) is <paramref name="value"/>,
    /// at most <paramref name="limit"/>, the most in need of attention first. The full order (attention, name,
    /// customer id) is the one the manager's index holds (015), so the read stops after the limit instead of
    /// sorting the manager's customers; the alert queue has a partial index of the customers with open alerts.
    /// </summary>
    public async Task<List<CustomerSummary>> LinesWhereAsync(string column, string value, bool withOpenAlertsOnly, int limit, CancellationToken ct = default)
    {
        if (column is not ("account_manager_id" or "phone_manager_id")) throw new ArgumentOutOfRangeException(nameof(column), column, "not a manager column");
        await using var cmd = db.CreateCommand(
            $"select summary from c360_customer_index where {column} = @value{(withOpenAlertsOnly ? " and open_alerts > 0" : "")} order by attention desc, name, customer_id limit @limit");
        cmd.Parameters.AddWithValue("value", value);
        cmd.Parameters.AddWithValue("limit", limit);
        var lines = new List<CustomerSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (JsonSerializer.Deserialize<CustomerSummary>(reader.GetString(0), DomainJson.Options) is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>A region's counts, straight from the read model.</summary>
    public async Task<List<(string? Tier, string? Stage, bool InBase, bool Retained, bool ChurnRisk, long Count)>> CountsAsync(string region, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select tier, stage, in_mid_high_base, retained, churn_risk, count(*)
            from c360_customer_index where region = @region
            group by tier, stage, in_mid_high_base, retained, churn_risk
            """);
        cmd.Parameters.AddWithValue("region", region);
        var rows = new List<(string?, string?, bool, bool, bool, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt64(5)));
        return rows;
    }

    /// <summary>The region's latest tier changes, newest first.</summary>
    public async Task<List<TierChangeNotice>> TierChangesAsync(string region, int limit, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select change from c360_tier_changes where region = @region order by id desc limit @limit");
        cmd.Parameters.AddWithValue("region", region);
        cmd.Parameters.AddWithValue("limit", limit);
        var changes = new List<TierChangeNotice>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (JsonSerializer.Deserialize<TierChangeNotice>(reader.GetString(0), DomainJson.Options) is { } change) changes.Add(change);
        return changes;
    }
}
