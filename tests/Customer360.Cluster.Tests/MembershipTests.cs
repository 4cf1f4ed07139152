using Customer360.Contracts;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

public sealed class MembershipTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task two_silos_form_one_cluster_through_the_postgres_membership_table_and_survive_one_stopping()
    {
        var cluster = $"two-{Guid.NewGuid():N}";
        await using var first = await TestSilo.StartAsync(Db, cluster);
        await using var second = await TestSilo.StartAsync(Db, cluster);

        await Eventually.GetAsync(
            () => Db.ScalarAsync<long>($"select count(*) from c360_membership where deployment_id = '{cluster}' and status = 3"),
            active => active == 2, TimeSpan.FromSeconds(30), "both silos active in the membership table");

        // A call from either silo reaches the same single activation.
        await Ingest.Send(first.Grains, "M1", Registered("M1", "m1-reg"));
        await Ingest.Send(second.Grains, "M1", Data("M1", "m1-d1", 7));
        var fromFirst = await first.Grains.GetGrain<ICustomerGrain>("M1").GetView("en");
        var fromSecond = await second.Grains.GetGrain<ICustomerGrain>("M1").GetView("en");
        Assert.Equal((2L, 7m), (fromFirst!.Version, fromFirst.Usage.DataMb));
        Assert.Equal(fromFirst.Version, fromSecond!.Version);

        // A client finds the cluster through the same table and keeps working when one silo leaves.
        await using var client = await TestClient.ConnectAsync(Db, cluster);
        await second.StopAsync();
        await Ingest.Send(client.Cluster, "M1", Data("M1", "m1-d2", 3));
        var after = await client.Cluster.GetGrain<ICustomerGrain>("M1").GetView("en");
        Assert.Equal((3L, 10m), (after!.Version, after.Usage.DataMb));
    }
}
