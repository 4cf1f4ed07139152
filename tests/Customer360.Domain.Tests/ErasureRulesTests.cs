using Customer360.Domain.Access;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Tests;

/// <summary>Erasure's domain rules: who may erase, and what of a work order is left.</summary>
public sealed class ErasureRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dispatcher Pm = new("pm01", "phone-manager", "phone-manager:PM01");

    [Theory]
    [InlineData(AccessRoles.Admin, true)]
    [InlineData(AccessRoles.AccountManager, false)]
    [InlineData(AccessRoles.PhoneManager, false)]
    [InlineData(AccessRoles.Supervisor, false)]
    [InlineData(AccessRoles.Store, false)]
    [InlineData(AccessRoles.Ingest, false)]
    public void only_an_administrator_may_erase(string role, bool may) =>
        Assert.Equal(may, AccessRules.MayErase(new Viewer("u", role, StoreId: "S01", ManagerId: "AM01", Region: "north")));

    [Fact]
    public void erasing_a_work_order_blanks_its_free_text_as_the_next_step_and_keeps_ids_state_and_times()
    {
        var dispatched = WorkOrderSteps.Dispatch("WO-1", new WorkOrderDraft("C1", new Addressee(AddresseeKind.Store, "S01"), WorkOrderKind.Sim, Now.AddDays(1), "call Mr Li first"), Pm, Now).Order!;
        var done = WorkOrderSteps.Complete(WorkOrderSteps.Accept(dispatched, "store01", Now).Order!, "gave Mr Li a SIM", "store01", Now.AddHours(1)).Order!;

        var erased = WorkOrderErasure.Erase(done)!;

        Assert.Null(erased.Notes);
        Assert.Null(erased.Outcome);
        Assert.Null(erased.Reason);
        Assert.Equal(done.Step + 1, erased.Step);
        Assert.Equal((done.Id, done.CustomerId, done.State, done.Kind, done.DispatchedAt, done.DueAt, done.ChangedAt),
            (erased.Id, erased.CustomerId, erased.State, erased.Kind, erased.DispatchedAt, erased.DueAt, erased.ChangedAt));
        Assert.Null(WorkOrderErasure.Erase(erased));
    }
}
