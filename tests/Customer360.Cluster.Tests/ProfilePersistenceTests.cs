using Customer360.Contracts;
using Customer360.Grains.Customers;
using Customer360.Grains.Storage;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

public sealed class ProfilePersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task profile_survives_a_silo_restart_through_the_postgres_snapshot()
    {
        var cluster = $"persist-{Guid.NewGuid():N}";
        await using (var silo = await TestSilo.StartAsync(Db, cluster))
        {
            await Ingest.Send(silo.Grains, "P1", Registered("P1", "p1-reg"), Data("P1", "p1-d1", 100), Data("P1", "p1-d2", 23.5m));
            await silo.StopAsync();
        }
        Assert.Equal(1L, await Db.ScalarAsync<long>("select count(*) from c360_grain_state where grain_id_extension = 'P1'"));

        await using var restarted = await TestSilo.StartAsync(Db, cluster);
        var view = await restarted.Grains.GetGrain<ICustomerGrain>("P1").GetView("en");
        Assert.NotNull(view);
        Assert.Equal((3L, 123.5m), (view.Version, view.Usage.DataMb));
    }

    [Fact]
    public async Task activations_read_together_find_the_snapshots_the_adonet_provider_wrote_and_write_on_from_their_version()
    {
        var cluster = $"gathered-{Guid.NewGuid():N}";
        // Ids such as the feed's (C0000123) parse as hexadecimal integers, which the provider keys as integers;
        // others are string keys. Both kinds must be found.
        var ids = Enumerable.Range(1, 40).Select(i => i % 2 == 0 ? $"G{i}-{Guid.NewGuid():N}" : $"C{Guid.NewGuid():N}"[..12]).ToArray();
        await using (var silo = await TestSilo.StartAsync(Db, cluster))
        {
            await Task.WhenAll(ids.Select(id => Ingest.Send(silo.Grains, id, Registered(id, $"{id}-reg"), Data(id, $"{id}-d", 7))))
                .WaitAsync(TimeSpan.FromSeconds(60));
            // Stopping writes every snapshot through the AdoNet provider.
            await silo.StopAsync();
        }

        await using var restarted = await TestSilo.StartAsync(Db, cluster);
        var gathered = restarted.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Profiles);
        var adoNet = restarted.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.ProfilesAdoNet);
        var unknown = $"never-{Guid.NewGuid():N}";
        var grainIds = ids.Append(unknown).Select(id => restarted.Grains.GetGrain<ICustomerGrain>(id).GetGrainId()).ToArray();
        // All at once, as a wave of activations: they share queries.
        var read = await Task.WhenAll(grainIds.Select(async g =>
        {
            var state = new GrainState<CustomerSnapshot>();
            await gathered.ReadStateAsync("customer", g, state);
            return state;
        })).WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < ids.Length; i++)
        {
            var expected = new GrainState<CustomerSnapshot>();
            await adoNet.ReadStateAsync("customer", grainIds[i], expected).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(expected.RecordExists, ids[i]);
            Assert.Equal((true, expected.ETag, expected.State!.JournalSeq, ids[i]), (read[i].RecordExists, read[i].ETag, read[i].State!.JournalSeq, read[i].State!.Profile?.CustomerId));
        }
        Assert.Equal((false, (string?)null, 0L), (read[^1].RecordExists, read[^1].ETag, read[^1].State!.JournalSeq));

        // The version read is the one the provider's write expects: the write goes on from it, and a stale one conflicts.
        var stale = new GrainState<CustomerSnapshot>(read[0].State, read[0].ETag);
        await gathered.WriteStateAsync("customer", grainIds[0], read[0]).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual(stale.ETag, read[0].ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => gathered.WriteStateAsync("customer", grainIds[0], stale).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task idle_profiles_stay_in_memory_for_the_configured_time_not_orleans_default()
    {
        var settings = new Dictionary<string, string?> { ["Customers:IdleDeactivation"] = "03:30:00" };
        await using var silo = await TestSilo.StartAsync(Db, $"idle-{Guid.NewGuid():N}", settings);

        var collection = silo.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;

        Assert.Equal(TimeSpan.FromHours(3.5), collection.ClassSpecificCollectionAge[typeof(CustomerGrain).FullName!]);
        Assert.NotEqual(collection.CollectionAge, collection.ClassSpecificCollectionAge[typeof(CustomerGrain).FullName!]);
    }

    [Fact]
    public async Task acknowledged_events_are_replayed_from_the_journal_when_no_snapshot_holds_them()
    {
        var cluster = $"replay-{Guid.NewGuid():N}";
        var lazy = new Dictionary<string, string?> { ["Customers:SnapshotEveryEvents"] = "100000", ["Customers:SnapshotDelay"] = "01:00:00" };
        long versionBefore;
        await using (var silo = await TestSilo.StartAsync(Db, cluster, lazy))
        {
            await Ingest.Send(silo.Grains, "R1", Registered("R1", "r1-reg"));
            for (var i = 0; i < 10; i++) await Ingest.Send(silo.Grains, "R1", Data("R1", $"r1-d{i}", 10));
            versionBefore = (await silo.Grains.GetGrain<ICustomerGrain>("R1").GetView("en"))!.Version;
            await silo.StopAsync();
        }
        // Lose every snapshot, as a crash before the first snapshot would: only the journal remains.
        await Db.ExecuteAsync("delete from c360_grain_state where grain_id_extension = 'R1'");

        await using var restarted = await TestSilo.StartAsync(Db, cluster, lazy);
        var view = await restarted.Grains.GetGrain<ICustomerGrain>("R1").GetView("en");
        Assert.NotNull(view);
        Assert.Equal(100m, view.Usage.DataMb);
        // Consoles drop notices at or below the version they show, so a version must never go backwards.
        Assert.True(view.Version >= versionBefore, $"version {view.Version} went back from {versionBefore}");
    }

    [Fact]
    public async Task a_repeated_event_id_is_applied_once_within_a_batch_across_batches_and_after_restart()
    {
        var cluster = $"dedup-{Guid.NewGuid():N}";
        await using (var silo = await TestSilo.StartAsync(Db, cluster))
        {
            var first = await Ingest.Send(silo.Grains, "D1", Registered("D1", "d1-reg"), Data("D1", "d1-a", 5), Data("D1", "d1-a", 5));
            Assert.Equal([EventOutcomeKind.Accepted, EventOutcomeKind.Accepted, EventOutcomeKind.Duplicate], first.Select(o => o.Kind));
            var again = await Ingest.Send(silo.Grains, "D1", Data("D1", "d1-a", 5), Data("D1", "d1-b", 1));
            Assert.Equal([EventOutcomeKind.Duplicate, EventOutcomeKind.Accepted], again.Select(o => o.Kind));
            await silo.StopAsync();
        }
        await using var restarted = await TestSilo.StartAsync(Db, cluster);
        var replayed = await Ingest.Send(restarted.Grains, "D1", Registered("D1", "d1-reg"), Data("D1", "d1-a", 5), Data("D1", "d1-b", 1));
        Assert.All(replayed, o => Assert.Equal(EventOutcomeKind.Duplicate, o.Kind));
        var view = await restarted.Grains.GetGrain<ICustomerGrain>("D1").GetView("en");
        Assert.Equal(6m, view!.Usage.DataMb);
    }

    [Fact]
    public async Task an_event_id_already_used_by_another_customer_is_a_duplicate_found_by_the_journal()
    {
        var cluster = $"cross-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Db, cluster);
        await Ingest.Send(silo.Grains, "X1", Registered("X1", "x1-reg"), Data("X1", "shared-id", 5));
        var outcome = await Ingest.Send(silo.Grains, "X2", Registered("X2", "x2-reg"), Data("X2", "shared-id", 5));
        Assert.Equal([EventOutcomeKind.Accepted, EventOutcomeKind.Duplicate], outcome.Select(o => o.Kind));
    }

    [Fact]
    public async Task usage_for_an_unregistered_customer_is_rejected_and_not_journaled()
    {
        var cluster = $"unknown-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(Db, cluster);
        var outcome = await Ingest.Send(silo.Grains, "U1", Data("U1", "u1-d", 5));
        Assert.Equal(EventOutcomeKind.Rejected, outcome[0].Kind);
        Assert.Contains("not registered", outcome[0].Error);
        Assert.Equal(0L, await Db.ScalarAsync<long>("select count(*) from c360_journal where customer_id = 'U1'"));
    }

    [Fact]
    public async Task with_holding_on_usage_before_the_registration_is_held_and_applied_when_it_arrives_even_after_a_crash()
    {
        var cluster = $"hold-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["Customers:HoldUnregistered"] = "true",
            ["Customers:MaxHeldEvents"] = "2",
            ["Customers:SnapshotEveryEvents"] = "100000",
            ["Customers:SnapshotDelay"] = "01:00:00",
        };
        await using (var silo = await TestSilo.StartAsync(Db, cluster, settings))
        {
            var early = await Ingest.Send(silo.Grains, "HU1", Data("HU1", "hu1-d1", 5), Data("HU1", "hu1-d1", 5), Data("HU1", "hu1-d2", 7));
            Assert.Equal([EventOutcomeKind.Held, EventOutcomeKind.Duplicate, EventOutcomeKind.Held], early.Select(o => o.Kind));
            var full = await Ingest.Send(silo.Grains, "HU1", Data("HU1", "hu1-d3", 1));
            Assert.Equal(EventOutcomeKind.Rejected, full[0].Kind);
            Assert.Contains("2 events are already held", full[0].Error);
            Assert.Null(await silo.Grains.GetGrain<ICustomerGrain>("HU1").GetView("en"));
        }
        // Lose the snapshot, as a crash would: the held events survive only in the journal.
        await Db.ExecuteAsync("delete from c360_grain_state where grain_id_extension = 'HU1'");

        await using var restarted = await TestSilo.StartAsync(Db, cluster, settings);
        var registered = await Ingest.Send(restarted.Grains, "HU1", Registered("HU1", "hu1-reg"), Data("HU1", "hu1-d2", 7));
        Assert.Equal([EventOutcomeKind.Accepted, EventOutcomeKind.Duplicate], registered.Select(o => o.Kind));
        var view = await restarted.Grains.GetGrain<ICustomerGrain>("HU1").GetView("en");
        Assert.Equal(12m, view!.Usage.DataMb);

        // Within one batch, an event ahead of its registration is simply accepted.
        var together = await Ingest.Send(restarted.Grains, "HU2", Data("HU2", "hu2-d1", 3), Registered("HU2", "hu2-reg"));
        Assert.Equal([EventOutcomeKind.Accepted, EventOutcomeKind.Accepted], together.Select(o => o.Kind));
        Assert.Equal(3m, (await restarted.Grains.GetGrain<ICustomerGrain>("HU2").GetView("en"))!.Usage.DataMb);
    }
}
