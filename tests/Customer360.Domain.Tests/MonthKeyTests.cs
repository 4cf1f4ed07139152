using System.Globalization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Tests;

public sealed class MonthKeyTests
{
    [Theory]
    [InlineData("2026-11", 0, "2026-11")]
    [InlineData("2026-11", 1, "2026-12")]
    [InlineData("2026-12", 1, "2027-01")]
    [InlineData("2027-01", -1, "2026-12")]
    [InlineData("2026-11", -4, "2026-07")]
    [InlineData("2026-02", -3, "2025-11")]
    [InlineData("2026-01", -12, "2025-01")]
    [InlineData("2026-01", -13, "2024-12")]
    [InlineData("2026-06", 30, "2028-12")]
    [InlineData("0001-02", -1, "0001-01")]
    [InlineData("9999-11", 1, "9999-12")]
    public void adding_months_crosses_year_boundaries(string month, int months, string expected) =>
        Assert.Equal(expected, OperatorDays.AddMonths(month, months));

    [Theory]
    [InlineData("0001-01", -1)]
    [InlineData("9999-12", 1)]
    [InlineData("2026-11", int.MinValue)]
    [InlineData("2026-11", int.MaxValue)]
    public void a_month_outside_the_calendar_is_refused_as_dates_refuse_it(string month, int months) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OperatorDays.AddMonths(month, months));

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2027-01", 2027, 1)]
    [InlineData("0001-12", 1, 12)]
    public void the_first_day_of_a_month_key(string month, int year, int number) =>
        Assert.Equal(new DateOnly(year, number, 1), OperatorDays.FirstDay(month));

    [Theory]
    [InlineData("")]
    [InlineData("2026-1")]
    [InlineData("2026-011")]
    [InlineData("2026/11")]
    [InlineData("2026-00")]
    [InlineData("2026-13")]
    [InlineData("0000-05")]
    [InlineData("20x6-11")]
    [InlineData("2026-1x")]
    [InlineData(" 2026-1")]
    [InlineData("2026-١١")]
    public void a_malformed_month_key_is_a_format_error(string month) =>
        Assert.Throws<FormatException>(() => OperatorDays.FirstDay(month));

    [Fact]
    public void month_keys_read_and_write_as_invariant_date_formatting_does()
    {
        for (var day = new DateOnly(1999, 1, 1); day.Year < 2031; day = day.AddMonths(1))
        {
            var key = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Equal(key, OperatorDays.MonthOf(day));
            Assert.Equal(DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), OperatorDays.FirstDay(key));
            foreach (var months in new[] { -25, -13, -12, -4, -3, -2, -1, 1, 2, 11, 12, 13 })
                Assert.Equal(day.AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture), OperatorDays.AddMonths(key, months));
        }
        Assert.Equal("0001-01", OperatorDays.MonthOf(DateOnly.MinValue));
        Assert.Equal("9999-12", OperatorDays.MonthOf(DateOnly.MaxValue));
    }

    [Theory]
    [InlineData("2026-11-30T15:59:59Z", "2026-11")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01")]
    [InlineData("2027-01-01T00:30:00+09:00", "2026-12")]
    public void an_instant_counts_in_its_operator_month(string at, string month) =>
        Assert.Equal(month, OperatorCalendar.MonthOf(DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)));
}
