namespace Customer360.Domain.Profile;

/// <summary>
/// Months are the operator's billing months, in the operator's local time (China Standard Time, UTC+8, has no
/// daylight saving). A usage record is counted in the month it occurred in that time, however late it arrives.
/// </summary>
public static class OperatorCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The month key, <c>yyyy-MM</c>, of an instant.</summary>
    public static string MonthOf(DateTimeOffset at)
    {
        var local = at.ToOffset(Offset);
        return MonthKey.Of(local.Year, local.Month);
    }

    /// <summary>The operator's local date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);
}
