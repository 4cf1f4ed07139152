namespace Customer360.Domain.Profile;

/// <summary>The billing section: closed months, balance, arrears and payments.</summary>
public sealed class BillingState
{
    /// <summary>Billed revenue (出账) of each closed month, by month key <c>yyyy-MM</c>; a sorted list, which takes
    /// half the memory of a tree for the few months kept.</summary>
    public SortedList<string, decimal> BilledByMonth { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Account balance; below zero is arrears. For prepaid, the reported balance.</summary>
    public decimal Balance { get; set; }

    /// <summary>Since when the balance has been below zero or a bill unpaid past its due date; null when none.</summary>
    public DateTimeOffset? ArrearsSince { get; set; }

    /// <summary>Billed but not yet paid, and the due date of the oldest unpaid bill.</summary>
    public decimal Outstanding { get; set; }

    public DateOnly? OldestUnpaidDueOn { get; set; }

    /// <summary>The most recent payments and top-ups, newest last (bounded).</summary>
    public List<Payment> Payments { get; init; } = [];
}
