using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Grains.Lists;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The read model is written a few times a second in batches; a silo asked to stop writes what it still holds
/// rather than leaving lines stale until each customer's next change, and tier changes missing for good.
/// </summary>
public sealed class ReadModelStopTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task lines_and_tier_changes_queued_when_the_silo_stops_are_written()
    {
        var silo = await TestSilo.StartAsync(_db, $"index-stop-{Guid.NewGuid():N}");
        await using (silo)
        {
            var writer = silo.Services.GetRequiredService<CustomerIndexWriter>();
            var at = DateTimeOffset.UtcNow;
            var line = new CustomerSummary("IDX1", 7, "Ada Queued", "13900000077", "north", "S01", "am01", "pm01",
                Tier.MidHigh, 3, LifecycleStage.Stable, ["family"], [], 0, true, true, at);
            var change = new TierChangeNotice("IDX1", "Ada Queued", "north", Tier.Mass, Tier.MidHigh, 0, 3, new Reason("tier.mid-high"), at);
            // Queued together and the silo stopped at once, well inside the writer's pause between batches.
            writer.Upsert(line);
            writer.Append(change);
            await silo.StopAsync();
        }

        Assert.Equal(7L, await _db.ScalarAsync<long>("select coalesce(max(version), 0) from c360_customer_index where customer_id = 'IDX1'"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("select count(*) from c360_tier_changes where customer_id = 'IDX1'"));
    }
}
