using System.Text.Json;
using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain;
using Customer360.Domain.Access;
using Customer360.Domain.Views;
using Npgsql;

namespace Customer360.Gateway.Access;

/// <summary>
/// Reads a profile for a person, enforcing the access table. The right to a customer is decided before any
/// customer grain is called, from facts that do not load the profile: the read model (region, home store,
/// managers, alert owners; the customer grain writes a change of these there before acknowledging it) and, for
/// store staff, their store's list of the day. Only an allowed read reaches the profile, which decides once more
/// (it is the truth when the read model lags behind a reassignment). For everyone but admins an unknown customer
/// is refused exactly like one outside their scope. REST and the hub both read through here, so they answer alike.
/// </summary>
public sealed class CustomerReader(IClusterClient cluster, NpgsqlDataSource db, [FromKeyedServices(Clocks.Business)] TimeProvider time)
{
    /// <summary>Decides whether <paramref name="viewer"/> may read <paramref name="customerId"/>, without calling the customer's grain.</summary>
    public async Task<CustomerRead> DecideAsync(Viewer viewer, string customerId)
    {
        if (!Ids.IsId(customerId)) return new CustomerRead(CustomerReadStatus.Forbidden, null, null, Why: "not a customer id");
        if (viewer.IsAdmin) return new CustomerRead(CustomerReadStatus.Allowed, null, null);
        var facts = await FactsAsync(customerId);
        var walkedIn = await WalkedInTodayAsync(viewer, customerId);
        return AccessRules.MayRead(viewer, facts, walkedIn)
            ? new CustomerRead(CustomerReadStatus.Allowed, null, facts, walkedIn)
            : new CustomerRead(CustomerReadStatus.Forbidden, null, facts, walkedIn, facts is null ? "no such customer in the read model" : "outside scope");
    }

    public async Task<CustomerRead> ReadAsync(Viewer viewer, string customerId, string language)
    {
        var decision = await DecideAsync(viewer, customerId);
        if (decision.Status != CustomerReadStatus.Allowed) return decision;
        var view = await cluster.GetGrain<ICustomerGrain>(customerId).GetView(language);
        if (view is null)
            return viewer.IsAdmin
                ? new CustomerRead(CustomerReadStatus.NotFound, null, null)
                : new CustomerRead(CustomerReadStatus.Forbidden, null, null, Why: "no such customer");
        var facts = AccessFacts.Of(view);
        if (!AccessRules.MayRead(viewer, facts, decision.WalkedInToday))
            return new CustomerRead(CustomerReadStatus.Forbidden, null, facts, decision.WalkedInToday, "outside scope");
        return new CustomerRead(CustomerReadStatus.Allowed, AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(view) : view, facts, decision.WalkedInToday);
    }

    /// <summary>What the read model knows of who may read the customer, or null when it holds no such customer.</summary>
    public async Task<AccessFacts?> FactsAsync(string customerId)
    {
        await using var cmd = db.CreateCommand("select summary from c360_customer_index where customer_id = @id");
        cmd.Parameters.AddWithValue("id", customerId);
        return await cmd.ExecuteScalarAsync() is string json && JsonSerializer.Deserialize<CustomerSummary>(json, DomainJson.Options) is { } line
            ? AccessFacts.Of(line)
            : null;
    }

    /// <summary>For store staff: whether the customer was identified in their store during today's operator day.</summary>
    public async Task<bool> WalkedInTodayAsync(Viewer viewer, string customerId) =>
        viewer is { Role: AccessRoles.Store, StoreId: { } store }
        && await cluster.GetGrain<IStoreGrain>(store).WalkedInToday(customerId, time.GetUtcNow());
}
