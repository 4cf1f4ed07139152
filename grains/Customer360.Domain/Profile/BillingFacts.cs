using Customer360.Domain.Events;

namespace Customer360.Domain.Profile;

/// <summary>The billing part of <see cref="ProfileApplier"/>: closed months, payments, balance and arrears.</summary>
internal static class BillingFacts
{
    public const int MaxPayments = 12;

    public static void Close(CustomerProfile p, DateTimeOffset at, BillClosed bill)
    {
        var b = p.Billing;
        var previous = b.BilledByMonth.TryGetValue(bill.Month, out var amount) ? amount : 0m;
        b.BilledByMonth[MonthKey.Canonical(bill.Month)] = bill.Amount;
        if (b.BilledByMonth.Count > ProfileApplier.MaxMonths) b.BilledByMonth.Remove(b.BilledByMonth.Keys.First());
        // Prepaid bills are taken from the balance as the customer uses the service; only postpaid ones fall due.
        if (p.Products?.PaymentMode != PaymentMode.Prepaid)
        {
            // A bill re-sent for a month replaces that month's amount, so only the difference is owed.
            b.Outstanding = Math.Max(0, b.Outstanding + bill.Amount - previous);
            if (b.Outstanding == 0) b.OldestUnpaidDueOn = null;
            else if (bill.DueOn is { } due && (b.OldestUnpaidDueOn is not { } oldest || due < oldest)) b.OldestUnpaidDueOn = due;
        }
        UpdateArrears(b, at);
    }

    public static void Pay(CustomerProfile p, DateTimeOffset at, PaymentMade payment)
    {
        var b = p.Billing;
        // A payment settles unpaid bills first; only what is left over is credit on the balance. Adding the
        // whole amount to the balance as well would count a postpaid customer's money twice.
        var toBills = Math.Min(payment.Amount, b.Outstanding);
        b.Outstanding -= toBills;
        if (b.Outstanding == 0) b.OldestUnpaidDueOn = null;
        b.Balance += payment.Amount - toBills;
        BoundedList.InsertInOrder(b.Payments, new Payment(at, payment.Amount, payment.Method), x => x.At, MaxPayments);
        UpdateArrears(b, at);
    }

    public static void Report(CustomerProfile p, DateTimeOffset at, BalanceReported report)
    {
        p.Billing.Balance = report.Balance;
        UpdateArrears(p.Billing, at);
    }

    /// <summary>
    /// Keeps <see cref="BillingState.ArrearsSince"/> as the earliest moment of the current arrears: the balance
    /// going below zero, or the oldest unpaid bill passing its due date. Taking the earliest keeps it stable
    /// when events of one episode arrive out of order. A bill that falls overdue with no event after it is
    /// still arrears: the rules see it from the due date (see <c>Rules.Arrears</c>).
    /// </summary>
    private static void UpdateArrears(BillingState b, DateTimeOffset at)
    {
        DateTimeOffset? overdueFrom = b.Outstanding > 0 && b.OldestUnpaidDueOn is { } due ? OperatorDays.OverdueFrom(due) : null;
        var overdue = overdueFrom is { } o && o <= at;
        if (b.Balance >= 0 && !overdue)
        {
            b.ArrearsSince = null;
            return;
        }
        var start = overdue ? overdueFrom!.Value : at;
        b.ArrearsSince = b.ArrearsSince is { } since && since < start ? since : start;
    }
}
