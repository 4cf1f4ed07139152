using System.Globalization;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Rules;

/// <summary>Facts several rules read the same way: closed months, A3, arrears, full months of tenure, reasons.</summary>
internal static class RuleFacts
{
    public static DateOnly Today(DateTimeOffset now) => OperatorCalendar.DateOf(now);

    public static string ThisMonth(DateTimeOffset now) => OperatorCalendar.MonthOf(now);

    public static string? LatestClosedMonth(CustomerProfile p) =>
        p.Billing.BilledByMonth.Count == 0 ? null : p.Billing.BilledByMonth.Keys.Last();

    public static decimal Billed(CustomerProfile p, string month) =>
        p.Billing.BilledByMonth.TryGetValue(month, out var amount) ? amount : 0m;

    /// <summary>
    /// A3: the calendar months <paramref name="latest"/>, one and two before it. A month not (yet) closed counts
    /// as zero, so a late bill for one of them can only raise A3, never lower it.
    /// </summary>
    public static decimal A3(CustomerProfile p, string latest) =>
        Billed(p, latest) + Billed(p, OperatorDays.AddMonths(latest, -1)) + Billed(p, OperatorDays.AddMonths(latest, -2));

    /// <summary>Average bill of the three months before <paramref name="month"/>; null unless all three closed and above zero.</summary>
    public static decimal? TrailingBillAverage(CustomerProfile p, string month)
    {
        var sum = 0m;
        for (var i = 1; i <= 3; i++)
        {
            if (!p.Billing.BilledByMonth.TryGetValue(OperatorDays.AddMonths(month, -i), out var amount)) return null;
            sum += amount;
        }
        var average = sum / 3;
        return average > 0 ? average : null;
    }

    /// <summary>Whether the customer held the account for the whole of <paramref name="month"/>: only full months are compared.</summary>
    public static bool FullMonth(CustomerProfile p, string month) => OperatorDays.FirstDay(month) >= p.Identity!.JoinedOn;

    /// <summary>The last <paramref name="count"/> complete months before now, newest first, that the customer held in full.</summary>
    public static IReadOnlyList<string> CompleteMonths(CustomerProfile p, DateTimeOffset now, int count)
    {
        var thisMonth = ThisMonth(now);
        var months = new List<string>(count);
        for (var i = 1; i <= count; i++)
        {
            var month = OperatorDays.AddMonths(thisMonth, -i);
            if (FullMonth(p, month)) months.Add(month);
        }
        return months;
    }

    /// <summary>When the bill in arrears falls overdue, if one is outstanding with a due date.</summary>
    public static DateTimeOffset? OverdueFrom(CustomerProfile p) =>
        p.Billing.Outstanding > 0 && p.Billing.OldestUnpaidDueOn is { } due ? OperatorDays.OverdueFrom(due) : null;

    /// <summary>
    /// Since when the customer is in arrears at <paramref name="now"/> (balance below zero, or a bill unpaid past
    /// due), or null. A bill that fell overdue with no event since still counts, from its due date.
    /// </summary>
    public static DateTimeOffset? ArrearsSince(CustomerProfile p, DateTimeOffset now)
    {
        var b = p.Billing;
        var overdueFrom = OverdueFrom(p) is { } o && o <= now ? o : (DateTimeOffset?)null;
        if (b.Balance >= 0 && overdueFrom is null) return null;
        var since = b.ArrearsSince ?? overdueFrom ?? p.UpdatedAt ?? now;
        return overdueFrom is { } from && from < since ? from : since;
    }

    public static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    // Reasons quote small counts and recent dates, and every active profile keeps several reasons: one shared
    // string per value rather than one per reason. Filled as values are first asked for.
    private static readonly string?[] SharedNumbers = new string?[1024];
    private static readonly int SharedDatesFrom = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly string?[] SharedDates = new string?[200 * 366];

    public static string Number(int value) =>
        (uint)value < (uint)SharedNumbers.Length
            ? SharedNumbers[value] ??= value.ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date)
    {
        var slot = date.DayNumber - SharedDatesFrom;
        return (uint)slot < (uint)SharedDates.Length
            ? SharedDates[slot] ??= date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string Date(DateTimeOffset at) => Date(OperatorCalendar.DateOf(at));

    /// <summary>How far <paramref name="value"/> lies from <paramref name="average"/>, in whole percent (negative when below).</summary>
    public static string PercentChange(decimal value, decimal average) => Whole((value - average) / average * 100);

    // Shared: most reasons repeat across customers, and every active profile keeps several (see SharedReasons).
    public static Reason Reason(string code, params (string Key, string Value)[] args) => SharedReasons.Of(new(code, ReasonArgs.Of(args)));

    public static Reason With(Reason reason, string key, string value) =>
        SharedReasons.Of(reason with { Args = reason.Args?.With(key, value) ?? ReasonArgs.Of((key, value)) });

    public static string? Arg(Reason? reason, string key) =>
        reason?.Args is { } args && args.TryGetValue(key, out var value) ? value : null;
}
