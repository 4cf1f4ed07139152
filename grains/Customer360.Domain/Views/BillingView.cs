namespace Customer360.Domain.Views;

/// <summary>Billing: the last six closed months, the rolling three-month sum (A3), balance and arrears.</summary>
public sealed record BillingView(
    IReadOnlyList<MonthAmountView> Bills, decimal A3, decimal Balance, decimal Outstanding, DateTimeOffset? ArrearsSince);
