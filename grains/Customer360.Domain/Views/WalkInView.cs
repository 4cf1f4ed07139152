namespace Customer360.Domain.Views;

/// <summary>A customer identified at a store's counter, and when.</summary>
public sealed record WalkInView(CustomerSummary Customer, string StoreId, string? By, DateTimeOffset At);
