namespace Customer360.Domain.Views;

/// <summary>A store's walk-ins of the operator day, newest first, with the store topic's version.</summary>
public sealed record StoreWalkInsView(string StoreId, long Version, IReadOnlyList<WalkInView> WalkIns);
