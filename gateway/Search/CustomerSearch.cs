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

    public async Task<SearchPage> SearchAsync(Viewer viewer, SearchFilters filters, CancellationToken ct)
    {
        var where = new List<string>();
        await using var cmd = db.CreateCommand();
        void Where(string clause, string name, object value)
        {
            where.Add(clause);
            cmd.Parameters.AddWithValue(name, value);
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
            default: return new SearchPage(filters.Page, PageSize, 0, []);
        }
        if (filters.Tier is { } tier) Where("tier = @tier", "tier", tier);
        if (filters.Stage is { } stage) Where("stage = @stage", "stage", stage);
        if (filters.Tag is { } tag) Where("tags @> array[@tag]", "tag", tag);
        if (filters.Region is { } region) Where("region = @region", "region", region);
        if (filters.Query is { } q)
            Where("(customer_id = @q or msisdn = @q or name ilike @q_prefix escape '\\')", "q", q);
        if (filters.Query is { } text) cmd.Parameters.AddWithValue("q_prefix", Escape(text) + "%");

        cmd.CommandText = $"""
            select summary, count(*) over () from c360_customer_index
            {(where.Count > 0 ? "where " + string.Join(" and ", where) : "")}
            order by attention desc, name, customer_id
            limit {PageSize} offset @offset
            """;
        cmd.Parameters.AddWithValue("offset", (filters.Page - 1) * PageSize);
        var lines = new List<CustomerSummary>();
        long total = 0;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (JsonSerializer.Deserialize<CustomerSummary>(reader.GetString(0), DomainJson.Options) is not { } line) continue;
            lines.Add(AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(line) : line);
            total = reader.GetInt64(1);
        }
        return new SearchPage(filters.Page, PageSize, total, lines);
    }

    /// <summary>The customer an unresolved alert belongs to, from the read model.</summary>
    public async Task<string?> CustomerOfAlertAsync(string alertId)
    {
        await using var cmd = db.CreateCommand("select customer_id from c360_customer_index where alert_ids @> array[@id] limit 1");
        cmd.Parameters.AddWithValue("id", alertId);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
