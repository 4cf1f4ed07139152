namespace Customer360.Domain.Views;

public sealed record MonthAmountView(string Month, decimal Amount);
