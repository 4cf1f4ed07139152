using Customer360.Domain.Views;
using Orleans.Concurrency;

namespace Customer360.Contracts;

/// <summary>
/// A region's tier board. Owns the topic <c>tiers:{region}</c>. Counts move with every customer that changes
/// tier, stage or base standing, and are recounted from the read model now and then, so they cannot drift.
/// </summary>
[Alias("c360.tier-board")]
public interface ITierBoardGrain : IGrainWithStringKey, ITopicOwner
{
    /// <summary>One customer's counted facts moved from <paramref name="before"/> (null: newly counted) to <paramref name="after"/>.</summary>
    [Alias("moved"), OneWay]
    Task Moved([Immutable] TierBoardFacts? before, [Immutable] TierBoardFacts after);

    [Alias("tier-changed"), OneWay]
    Task TierChanged([Immutable] TierChangeNotice change);

    [Alias("board")]
    Task<TierBoardView> GetBoard();

    /// <summary>Takes an erased customer's tier changes (which carry the name) off the board.</summary>
    [Alias("forget"), OneWay]
    Task Forget(string customerId);
}
