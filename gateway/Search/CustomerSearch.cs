using System.Text.Json;
using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain;
using Customer360.Domain.Access;
using Customer360.Domain.Views;
using Npgsql;

namespace Customer360.Gateway.Search;

/// <summary>
/// Segments and search over the read model (<c>c360_customer_index</c>), always within the caller's scope: the
/// scope is part of the query, so nothing outside it is ever read, counted or paged through.
/// </summary>
public sealed class CustomerSearch(NpgsqlDataSource db, IClusterClient cluster, [FromKeyedServices(Clocks.Business)] TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>
    /// Matches are counted up to this many (or just past the page asked for, when that is further); beyond it the
    /// answer says "at least" (<see cref="SearchPage.TotalAtLeast"/>). Counting a broad match over millions of rows
    /// would cost far more than the page itself.
    /// </summary>
    public const int CountCap = 1000;

    // Every page is read in the lists' order, which the read model's indexes hold per scope (015): a page is an
    // index scan that stops after its lines.
    private const string Order = "order by attention desc, name, customer_id";

    public async Task<SearchPage> SearchAsync(Viewer viewer, SearchFilters filters, CancellationToken ct)
    {
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        void Where(string clause, string name, object value)
        {
            where.Add(clause);
            parameters.Add((name, value));
        }
        switch (viewer.Role)
        {
            case AccessRoles.Admin: break;
            case AccessRoles.AccountManager: Where("account_manager_id = @me", "me", viewer.ManagerId ?? ""); break;
            case AccessRoles.PhoneManager: Where("phone_manager_id = @me", "me", viewer.ManagerId ?? ""); break;
            case AccessRoles.Supervisor: Where("region = @scope_region", "scope_region", viewer.Region ?? ""); break;
            case AccessRoles.Store:
                var walkIns = viewer.StoreId is { } store ? await cluster.GetGrain<IStoreGrain>(store).GetWalkIns(time.GetUtcNow()) : null;
                Where("customer_id = any(@walked_in)", "walked_in", walkIns?.WalkIns.Select(w => w.Customer.CustomerId).Distinct().ToArray() ?? []);
                break;
            default: return new SearchPage(filters.Page, PageSize, 0, false, []);
        }
        if (filters.Tier is { } tier) Where("tier = @tier", "tier", tier);
        if (filters.Stage is { } stage) Where("stage = @stage", "stage", stage);
        if (filters.Tag is { } tag) Where("tags @> array[@tag]", "tag", tag);
        if (filters.Region is { } region) Where("region = @region", "region", region);
        var namePrefix = false;
        if (filters.Query is { } q)
        {
            // An id or a number is an exact lookup (primary key, msisdn index); text is a name prefix, which
            // lower(name) text_pattern_ops serves in any collation. An OR of both would defeat every index.
            if (SearchTerm.IsExactKey(q)) Where("(customer_id = @q or msisdn = @q)", "q", q);
            else
            {
                Where("lower(name) like lower(@q_prefix)", "q_prefix", SearchTerm.PrefixPattern(q));
                namePrefix = true;
            }
        }
        var condition = where.Count > 0 ? "where " + string.Join(" and ", where) : "";
        var offset = (filters.Page - 1) * PageSize;
        var cap = Math.Max(CountCap, offset + PageSize + 1);

        await using var connection = await db.OpenConnectionAsync(ct);
        if (namePrefix)
        {
            // Names sort within each attention level, so matches of a rare prefix sit together far down the order
            // index and a walk along it would pass most of the table. Count first (the name index finds them):
            // under the cap, sort just those; at the cap they are common enough for the walk to stop early.
            var matches = await CountAsync(connection, condition, parameters, cap, ct);
            if (matches < cap)
                return new SearchPage(filters.Page, PageSize, matches, false, await PageAsync(connection, viewer, $"""
                    with m as materialized (select summary, attention, name, customer_id from c360_customer_index {condition})
                    select summary from m {Order} limit {PageSize} offset {offset}
                    """, parameters, ct));
            return new SearchPage(filters.Page, PageSize, matches, true, await PageAsync(connection, viewer,
                $"select summary from c360_customer_index {condition} {Order} limit {PageSize} offset {offset}", parameters, ct));
        }
        var lines = await PageAsync(connection, viewer,
            $"select summary from c360_customer_index {condition} {Order} limit {PageSize} offset {offset}", parameters, ct);
        // A page that is not full is the last one: the total is known without counting.
        if (lines.Count < PageSize && (lines.Count > 0 || offset == 0)) return new SearchPage(filters.Page, PageSize, offset + lines.Count, false, lines);
        var total = await CountAsync(connection, condition, parameters, cap, ct);
        return new SearchPage(filters.Page, PageSize, total, total >= cap, lines);
    }

    // How many match, counting no further than the cap: the scope is in the condition, so nothing outside it is counted.
    private static async Task<long> CountAsync(NpgsqlConnection connection, string condition, List<(string Name, object Value)> parameters, int cap, CancellationToken ct)
    {
        await using var cmd = Command(connection, $"select count(*) from (select 1 from c360_customer_index {condition} limit {cap}) capped", parameters);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<CustomerSummary>> PageAsync(NpgsqlConnection connection, Viewer viewer, string sql, List<(string Name, object Value)> parameters, CancellationToken ct)
    {
        await using var cmd = Command(connection, sql, parameters);
        var lines = new List<CustomerSummary>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (JsonSerializer.Deserialize<CustomerSummary>(reader.GetString(0), DomainJson.Options) is not { } line) continue;
            lines.Add(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(line) : line);
        }
        return lines;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, List<(string Name, object Value)> parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    /// <summary>The customer an unresolved alert belongs to, from the read model.</summary>
    public async Task<string?> CustomerOfAlertAsync(string alertId)
    {
        await using var cmd = db.CreateCommand("select customer_id from c360_customer_index where alert_ids @> array[@id] limit 1");
        cmd.Parameters.AddWithValue("id", alertId);
        return await cmd.ExecuteScalarAsync() as string;
    }
}
