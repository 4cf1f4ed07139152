namespace Customer360.Domain.Profile;

/// <summary>
/// Date and month arithmetic in the operator's time (see <see cref="OperatorCalendar"/>). Rules that count days
/// count whole operator days, so every moment they turn on is an operator midnight that a reminder can hit exactly.
/// </summary>
internal static class OperatorDays
{
    /// <summary>The instant an operator day begins (00:00 UTC+8).</summary>
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), OperatorCalendar.Offset);

    /// <summary>The instant an operator month begins.</summary>
    public static DateTimeOffset StartOfMonth(string month) => StartOf(FirstDay(month));

    /// <summary>A bill becomes overdue when its due date has passed: at the start of the next day.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly dueOn) => StartOf(dueOn.AddDays(1));

    public static string MonthOf(DateOnly date) => MonthKey.Of(date.Year, date.Month);

    public static DateOnly FirstDay(string month)
    {
        var (year, number) = MonthKey.Parse(month);
        return new DateOnly(year, number, 1);
    }

    public static string AddMonths(string month, int months) => MonthKey.Add(month, months);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>The day in <paramref name="year"/> with the month and day of <paramref name="date"/>; 29 February falls on the 28th in common years.</summary>
    public static DateOnly SameDayIn(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
}
