using Customer360.Domain.Views;

namespace Customer360.Grains.Lists;

/// <summary>A store's persisted state: its walk-ins of the current operator day, and the store topic's version.</summary>
public sealed class StoreState
{
    public long Version { get; set; }

    /// <summary>The operator day the walk-ins belong to (yyyy-MM-dd).</summary>
    public string? Day { get; set; }

    public List<WalkInView> WalkIns { get; set; } = [];
}
