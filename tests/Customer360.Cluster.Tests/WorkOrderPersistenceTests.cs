using Customer360.Contracts;
using Customer360.Domain.WorkOrders;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>Work orders and their inboxes in PostgreSQL: what was answered survives a crash, and expiry comes by reminder.</summary>
public sealed class WorkOrderPersistenceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly Dispatcher Pm = new("pm01", "phone-manager", "phone-manager:PM01");

    private TestDatabase Db => fixture.Db;

    private static WorkOrderDraft Draft(string customerId, TimeSpan dueIn) =>
        new(customerId, new Addressee(AddresseeKind.Store, "S01"), WorkOrderKind.Sim, DateTimeOffset.UtcNow + dueIn, "new SIM");

    private static WorkOrder Applied(WorkOrderResult result)
    {
        Assert.True(result.Outcome == WorkOrderOutcome.Applied, result.Error);
        return result.Order!;
    }

    [Fact]
    public async Task an_acknowledged_step_survives_a_silo_crash_and_the_inbox_version_never_goes_back()
    {
        var cluster = $"wo-crash-{Guid.NewGuid():N}";
        var id = WorkOrderSteps.NewId();
        long inboxVersion;
        int siloPort, gatewayPort;
        await using (var first = await SiloProcess.StartAsync(Db, cluster, "wo-crash-first"))
        {
            (siloPort, gatewayPort) = (first.SiloPort, first.GatewayPort);
            await using (var client = await TestClient.ConnectAsync(Db, cluster))
            {
                await Ingest.Send(client.Cluster, "WOC1", Registered("WOC1", "woc1-reg")).WaitAsync(Timeout);
                var order = client.Cluster.GetGrain<IWorkOrderGrain>(id);
                Applied(await order.Dispatch(Draft("WOC1", TimeSpan.FromHours(4)), Pm).WaitAsync(Timeout));
                Applied(await order.Accept("store01").WaitAsync(Timeout));
                inboxVersion = (await client.Cluster.GetGrain<IWorkOrderInboxGrain>("store:S01").Get().WaitAsync(Timeout)).Version;
                Assert.Equal(2, inboxVersion);
            }
            // No deactivation, no goodbye: whatever was answered must already be in PostgreSQL.
            await first.KillAsync();
        }

        await using var second = await SiloProcess.StartAsync(Db, cluster, "wo-crash-second", siloPort: siloPort, gatewayPort: gatewayPort);
        await using var again = await TestClient.ConnectAsync(Db, cluster);
        var grain = again.Cluster.GetGrain<IWorkOrderGrain>(id);
        var persisted = await grain.Get().WaitAsync(Timeout);
        Assert.Equal((WorkOrderState.Accepted, 2), (persisted!.State, persisted.Step));
        var inbox = await again.Cluster.GetGrain<IWorkOrderInboxGrain>("store:S01").Get().WaitAsync(Timeout);
        Assert.Equal((inboxVersion, WorkOrderState.Accepted), (inbox.Version, inbox.WorkOrders.Single(o => o.Id == id).State));
        var profile = await again.Cluster.GetGrain<ICustomerGrain>("WOC1").GetView("en").WaitAsync(Timeout);
        Assert.Equal(WorkOrderState.Accepted, profile!.WorkOrders.Single(o => o.Id == id).State);

        Applied(await grain.Complete("SIM swapped", "store01").WaitAsync(Timeout));
        var after = await again.Cluster.GetGrain<IWorkOrderInboxGrain>("store:S01").Get().WaitAsync(Timeout);
        Assert.Equal((inboxVersion + 1, WorkOrderState.Done), (after.Version, after.WorkOrders.Single(o => o.Id == id).State));
        var dispatcher = await again.Cluster.GetGrain<IWorkOrderInboxGrain>("phone-manager:PM01").Get().WaitAsync(Timeout);
        Assert.Equal(("SIM swapped", 3L), (dispatcher.WorkOrders.Single(o => o.Id == id).Outcome, dispatcher.Version));
    }

    [Fact]
    public async Task an_open_order_expires_at_its_due_time_by_its_reminder_everywhere_it_is_shown()
    {
        await using var silo = await TestSilo.StartAsync(Db, $"wo-expiry-{Guid.NewGuid():N}");
        await Ingest.Send(silo.Grains, "WOX1", Registered("WOX1", "wox1-reg")).WaitAsync(Timeout);
        var id = WorkOrderSteps.NewId();
        var order = silo.Grains.GetGrain<IWorkOrderGrain>(id);
        var dispatched = Applied(await order.Dispatch(Draft("WOX1", TimeSpan.FromSeconds(3)), Pm).WaitAsync(Timeout));

        var expired = await Eventually.GetAsync(() => order.Get().WaitAsync(Timeout), o => o!.State == WorkOrderState.Expired, Timeout, "order expired");
        Assert.Equal((dispatched.DueAt, WorkOrderSteps.SystemUser), (expired!.ChangedAt, expired.ChangedBy));
        var inbox = await silo.Grains.GetGrain<IWorkOrderInboxGrain>("store:S01").Get().WaitAsync(Timeout);
        Assert.Equal(WorkOrderState.Expired, inbox.WorkOrders.Single(o => o.Id == id).State);
        var profile = await silo.Grains.GetGrain<ICustomerGrain>("WOX1").GetView("en").WaitAsync(Timeout);
        Assert.Equal(WorkOrderState.Expired, profile!.WorkOrders.Single(o => o.Id == id).State);
        Assert.Equal($"work order {id} is expired and cannot be accepted", (await order.Accept("store01").WaitAsync(Timeout)).Error);
    }

    [Fact]
    public async Task a_step_copied_again_changes_neither_the_inbox_nor_the_profile()
    {
        await using var silo = await TestSilo.StartAsync(Db, $"wo-repeat-{Guid.NewGuid():N}");
        await Ingest.Send(silo.Grains, "WOR1", Registered("WOR1", "wor1-reg")).WaitAsync(Timeout);
        var order = Applied(await silo.Grains.GetGrain<IWorkOrderGrain>(WorkOrderSteps.NewId()).Dispatch(Draft("WOR1", TimeSpan.FromHours(1)), Pm).WaitAsync(Timeout));
        var inbox = silo.Grains.GetGrain<IWorkOrderInboxGrain>("store:S01");
        var before = (await inbox.Get().WaitAsync(Timeout)).Version;
        var profileBefore = (await silo.Grains.GetGrain<ICustomerGrain>("WOR1").GetView("en").WaitAsync(Timeout))!.Version;

        // What a retry after a lost answer does: the same step once more.
        await inbox.Record(order).WaitAsync(Timeout);
        var outcome = await silo.Grains.GetGrain<ICustomerGrain>("WOR1").Ingest([Domain.Events.WorkOrderRecorded.Of(order)]).WaitAsync(Timeout);

        Assert.Equal(before, (await inbox.Get().WaitAsync(Timeout)).Version);
        Assert.Equal(EventOutcomeKind.Duplicate, outcome[0].Kind);
        Assert.Equal(profileBefore, (await silo.Grains.GetGrain<ICustomerGrain>("WOR1").GetView("en").WaitAsync(Timeout))!.Version);
    }
}
