using System.Globalization;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// Care key moments (关怀): a birthday within <see cref="RuleSettings.BirthdayWithinDays"/> (until the day), the
/// tenure anniversary (from the day, for as many days), configured holidays within
/// <see cref="RuleSettings.HolidayWithinDays"/> (until the day). Keyed by year or date, so each is raised once.
/// </summary>
internal static class CareMoments
{
    public static IEnumerable<AlertCondition> Conditions(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var id = p.Identity!;
        var today = Today(now);
        foreach (var year in Years(today))
        {
            if (id.Birthday is { } born && BirthdayIn(born, year) is var birthday
                && birthday >= today && OperatorDays.DaysBetween(today, birthday) <= rules.BirthdayWithinDays)
                yield return Care(AlertKind.Birthday, Year(year), Reason(ReasonCodes.AlertBirthday, ("date", Date(birthday))));

            if (AnniversaryIn(id.JoinedOn, year) is { } anniversary
                && today >= anniversary && OperatorDays.DaysBetween(anniversary, today) < rules.BirthdayWithinDays)
                yield return Care(AlertKind.Anniversary, Year(year), Reason(ReasonCodes.AlertAnniversary,
                    ("years", Number(year - id.JoinedOn.Year)), ("date", Date(anniversary))));
        }
        // On most days no holiday is near: only the near ones are put in date order.
        List<Holiday>? near = null;
        foreach (var h in rules.Holidays)
            if (h.Date >= today && OperatorDays.DaysBetween(today, h.Date) <= rules.HolidayWithinDays)
                (near ??= []).Add(h);
        if (near is null) yield break;
        foreach (var h in near.OrderBy(h => h.Date))
            yield return Care(AlertKind.Holiday, Date(h.Date), Reason(ReasonCodes.AlertHoliday, ("name", h.Name), ("date", Date(h.Date))));
    }

    public static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var id = p.Identity!;
        foreach (var year in Years(Today(now)))
        {
            if (id.Birthday is { } born)
            {
                var birthday = BirthdayIn(born, year);
                yield return OperatorDays.StartOf(birthday.AddDays(-rules.BirthdayWithinDays));
                yield return OperatorDays.StartOf(birthday.AddDays(1));
            }
            if (AnniversaryIn(id.JoinedOn, year) is { } anniversary)
            {
                yield return OperatorDays.StartOf(anniversary);
                yield return OperatorDays.StartOf(anniversary.AddDays(rules.BirthdayWithinDays));
            }
        }
        foreach (var h in rules.Holidays)
        {
            yield return OperatorDays.StartOf(h.Date.AddDays(-rules.HolidayWithinDays));
            yield return OperatorDays.StartOf(h.Date.AddDays(1));
        }
    }

    // A window may straddle New Year: look at this year and the next (and last year's anniversary week).
    private static int[] Years(DateOnly today) => [today.Year - 1, today.Year, today.Year + 1];

    private static DateOnly BirthdayIn(DateOnly born, int year) => OperatorDays.SameDayIn(born, year);

    private static DateOnly? AnniversaryIn(DateOnly joined, int year) => year > joined.Year ? OperatorDays.SameDayIn(joined, year) : null;

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static AlertCondition Care(AlertKind kind, string on, Reason reason) =>
        new($"{AlertRules.KindName(kind)}:{on}", kind, AlertCategory.Care, AlertSeverity.Low, reason);
}
