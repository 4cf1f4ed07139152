using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Domain;
using Customer360.Domain.Events;
using Customer360.Grains.Storage;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Schema 014 converts a journal written by the earlier, unpartitioned layout in place: every row kept, each in its
/// month's partition, its event id still known, so a silo of this release replays the profile and still refuses
/// the old events as duplicates.
/// </summary>
public sealed class JournalSchemaUpgradeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task a_journal_of_the_old_layout_is_partitioned_in_place_and_its_events_stay_duplicates()
    {
        await using var db = await TestDatabase.CreateAtVersionAsync(13);
        var id = $"UP{Guid.NewGuid().ToString("N")[..8]}";
        var thisMonth = JournalPartitions.MonthOf(DateTimeOffset.UtcNow);
        var times = new[] { thisMonth.AddMonths(-5).AddDays(3), thisMonth.AddMonths(-2).AddDays(5), DateTime.UtcNow.AddMinutes(-1) }
            .Select(t => new DateTimeOffset(t, TimeSpan.Zero)).ToArray();
        JsonObject[] events =
        [
            Registered(id, $"{id}-reg", msisdn: "13955501234", name: "Upgrade Chen", at: times[0]),
            Data(id, $"{id}-d1", 300, times[1]),
            Data(id, $"{id}-d2", 200, times[2]),
        ];
        await InsertOldLayoutAsync(db, id, events);

        await db.MigrateAsync();

        Assert.Equal("", await db.ScalarAsync<string>("select coalesce(to_regclass('c360_journal_v1')::text, '')"));
        Assert.Equal("p", await db.ScalarAsync<string>("select relkind::text from pg_class where oid = 'c360_journal'::regclass"));
        for (var i = 0; i < events.Length; i++)
            Assert.Equal($"c360_journal_{times[i].UtcDateTime:yyyy}m{times[i].UtcDateTime:MM}", await db.ScalarAsync<string>(
                $"select tableoid::regclass::text from c360_journal where customer_id = '{id}' and seq = {i + 1}"));
        Assert.Equal(3L, await db.ScalarAsync<long>($"select count(*) from c360_journal_ids where customer_id = '{id}'"));

        await using var silo = await TestSilo.StartAsync(db, $"upgrade-{Guid.NewGuid():N}");
        var grain = silo.Grains.GetGrain<ICustomerGrain>(id);
        var view = await grain.GetView("en").WaitAsync(Wait);
        Assert.NotNull(view);
        Assert.Equal("Upgrade Chen", view.Identity.Name);

        // The old events are still known; a new one lands after them.
        var outcomes = await Ingest.Send(silo.Grains, id, Data(id, $"{id}-d1", 300, times[1]), Data(id, $"{id}-d3", 1)).WaitAsync(Wait);
        Assert.Equal([EventOutcomeKind.Duplicate, EventOutcomeKind.Accepted], outcomes.Select(o => o.Kind));
        Assert.Equal(4L, await db.ScalarAsync<long>($"select count(*) from c360_journal where customer_id = '{id}'"));
        Assert.True(await db.ScalarAsync<long>($"select seq from c360_journal where event_id = '{id}-d3'") > 3);
        Assert.Equal(view.Version + 1, (await grain.GetView("en").WaitAsync(Wait))!.Version);
    }

    private static async Task InsertOldLayoutAsync(TestDatabase db, string customerId, JsonObject[] events)
    {
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        for (var i = 0; i < events.Length; i++)
        {
            var e = EventParser.Parse(JsonDocument.Parse(events[i].ToJsonString()).RootElement, DateTimeOffset.UtcNow).Event!;
            await using var cmd = new NpgsqlCommand("""
                insert into c360_journal (customer_id, seq, event_id, type, occurred_at, payload)
                values (@id, @seq, @event, @type, @at, @payload)
                """, conn);
            cmd.Parameters.AddWithValue("id", customerId);
            cmd.Parameters.AddWithValue("seq", (long)i + 1);
            cmd.Parameters.AddWithValue("event", e.EventId);
            cmd.Parameters.AddWithValue("type", e.Type);
            cmd.Parameters.AddWithValue("at", e.OccurredAt);
            cmd.Parameters.AddWithValue("payload", JsonSerializer.Serialize(e, DomainJson.Options));
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
