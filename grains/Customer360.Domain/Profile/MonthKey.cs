namespace Customer360.Domain.Profile;

/// <summary>
/// Month keys, <c>yyyy-MM</c>, read, written and counted by hand. The rules turn month keys over on every
/// derivation, after every usage record; culture-aware date parsing and formatting cost more there than the
/// rules themselves. A key is exactly four digits, a dash and two digits (years 1 to 9999, months 01 to 12),
/// the form <see cref="OperatorCalendar.MonthOf"/> writes and a billing event must use.
/// </summary>
internal static class MonthKey
{
    private const int MonthsPerYear = 12;
    private const int MaxYear = 9999;

    // Every active profile keys its usage and bills by month: one shared string per month of these two
    // centuries rather than one per profile and month. Filled as months are first asked for.
    private const int SharedFromYear = 1900;
    private static readonly string?[] Shared = new string?[200 * MonthsPerYear];

    /// <summary>The key of a month of a year.</summary>
    public static string Of(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, MonthsPerYear);
        var slot = (year - SharedFromYear) * MonthsPerYear + month - 1;
        // Two threads may both create a month's string; either copy is the same key.
        return (uint)slot < (uint)Shared.Length ? Shared[slot] ??= Create(year, month) : Create(year, month);
    }

    /// <summary>The shared copy of a valid key; a <see cref="FormatException"/> when it is not one.</summary>
    public static string Canonical(string key)
    {
        var (year, month) = Parse(key);
        return Of(year, month);
    }

    private static string Create(int year, int month) =>
        string.Create(7, (year, month), static (chars, ym) =>
        {
            var (y, m) = ym;
            chars[0] = Digit(y / 1000);
            chars[1] = Digit(y / 100 % 10);
            chars[2] = Digit(y / 10 % 10);
            chars[3] = Digit(y % 10);
            chars[4] = '-';
            chars[5] = Digit(m / 10);
            chars[6] = Digit(m % 10);
        });

    /// <summary>The year and month of a key; a <see cref="FormatException"/> when it is not a valid <c>yyyy-MM</c>.</summary>
    public static (int Year, int Month) Parse(string key)
    {
        if (key.Length != 7 || key[4] != '-'
            || !TryDigits(key, 0, 4, out var year) || !TryDigits(key, 5, 2, out var month)
            || year < 1 || month is < 1 or > MonthsPerYear)
            throw new FormatException($"'{key}' is not a month key like 2026-11");
        return (year, month);
    }

    /// <summary>The key <paramref name="months"/> months after <paramref name="key"/> (before it when negative).</summary>
    public static string Add(string key, int months)
    {
        var (year, month) = Parse(key);
        // Counting months from year 0 makes the year boundary plain integer division.
        var index = (long)year * MonthsPerYear + (month - 1) + months;
        var newYear = Math.DivRem(index, MonthsPerYear, out var newMonth);
        if (newYear is < 1 or > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(months), months, $"{key} moved by {months} months leaves the calendar");
        return Of((int)newYear, (int)newMonth + 1);
    }

    private static char Digit(int value) => (char)('0' + value);

    private static bool TryDigits(string s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(s[i])) return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }
}
