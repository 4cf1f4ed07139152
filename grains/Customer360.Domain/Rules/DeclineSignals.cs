using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using static Customer360.Domain.Rules.RuleFacts;

namespace Customer360.Domain.Rules;

/// <summary>
/// The decline signals of DOMAIN.md ("Lifecycle stages"), most telling first. Each looks at the present only
/// (a window ending now, the latest closed month, the last complete month), so a late record of something
/// long past cannot create a signal that does not hold now.
/// </summary>
public static class DeclineSignals
{
    public const string PortOutInquiry = "port-out-inquiry";
    public const string CompetitorCalls = "competitor-calls";
    public const string ComplaintOpen = "complaint-open";
    public const string Arrears = "arrears";
    public const string BillDrop = "bill-drop";
    public const string DataDrop = "data-drop";

    /// <summary>Signals only an event can end: when they stop, the grain derives right after that event.</summary>
    internal static bool EndsOnlyByEvent(string code) => code is ComplaintOpen or Arrears or BillDrop;

    public static IReadOnlyList<DeclineSignal> Current(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var signals = new List<DeclineSignal>();
        var window = TimeSpan.FromDays(rules.CompetitorCallWindowDays);
        var days = Number(rules.CompetitorCallWindowDays);
        var today = Today(now);

        if (p.LastPortOutInquiry is { } inquiry && inquiry > now - window)
            signals.Add(new(PortOutInquiry, Reason(ReasonCodes.DeclinePortOutInquiry, ("on", Date(inquiry)), ("days", days)), inquiry + window));

        var calls = CallsInWindow(p, rules, now);
        if (calls.Count >= rules.CompetitorCallsForDecline)
            signals.Add(new(CompetitorCalls, Reason(ReasonCodes.DeclineCompetitorCalls, ("count", Number(calls.Count)), ("days", days)),
                calls[rules.CompetitorCallsForDecline - 1] + window));

        // The earliest opened of the overdue complaints (the first listed among equals).
        OpenComplaint? overdue = null;
        foreach (var c in p.OpenComplaints)
            if (OperatorDays.DaysBetween(OperatorCalendar.DateOf(c.OpenedAt), today) > rules.ComplaintOpenDeclineDays
                && (overdue is null || c.OpenedAt < overdue.OpenedAt))
                overdue = c;
        if (overdue is not null)
            signals.Add(new(ComplaintOpen, Reason(ReasonCodes.DeclineComplaintOpen, ("reference", overdue.Reference),
                ("openedOn", Date(overdue.OpenedAt)), ("days", Number(rules.ComplaintOpenDeclineDays))), null));

        if (ArrearsSince(p, now) is { } since && OperatorDays.DaysBetween(OperatorCalendar.DateOf(since), today) > rules.ArrearsDeclineDays)
            signals.Add(new(Arrears, Reason(ReasonCodes.DeclineArrears, ("since", Date(since)), ("days", Number(rules.ArrearsDeclineDays))), null));

        var drop = 1 - rules.DeclineDropPercent / 100;
        if (LatestClosedMonth(p) is { } latest && TrailingBillAverage(p, latest) is { } billAverage && Billed(p, latest) <= billAverage * drop)
            signals.Add(new(BillDrop, Reason(ReasonCodes.DeclineBillDrop, ("month", latest), ("amount", Amount(Billed(p, latest))),
                ("average", Amount(Math.Round(billAverage, 2))), ("percent", PercentChange(Billed(p, latest), billAverage))), null));

        var thisMonth = ThisMonth(now);
        var last = OperatorDays.AddMonths(thisMonth, -1);
        if (TrailingDataAverage(p, last) is { } dataAverage && p.UsageIn(last).DataMb is var lastMb && lastMb <= dataAverage * drop)
            signals.Add(new(DataDrop, Reason(ReasonCodes.DeclineDataDrop, ("month", last), ("mb", Whole(lastMb)),
                ("average", Whole(dataAverage)), ("percent", PercentChange(lastMb, dataAverage))),
                OperatorDays.StartOfMonth(OperatorDays.AddMonths(thisMonth, 1))));
        return signals;
    }

    /// <summary>Moments a signal starts or its reason changes with no event: calls ageing out, days of arrears or of an open complaint passing.</summary>
    internal static IEnumerable<DateTimeOffset> Moments(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var window = TimeSpan.FromDays(rules.CompetitorCallWindowDays);
        var calls = CallsInWindow(p, rules, now);
        // While the signal holds its reason counts the calls, so each one ageing out changes it.
        if (calls.Count >= rules.CompetitorCallsForDecline)
            foreach (var call in calls) yield return call + window;
        if (p.LastPortOutInquiry is { } inquiry) yield return inquiry + window;
        foreach (var c in p.OpenComplaints)
            yield return OperatorDays.StartOf(OperatorCalendar.DateOf(c.OpenedAt).AddDays(rules.ComplaintOpenDeclineDays + 1));
        if (ArrearsSince(p, now) is { } since)
            yield return OperatorDays.StartOf(OperatorCalendar.DateOf(since).AddDays(rules.ArrearsDeclineDays + 1));
        if (OverdueFrom(p) is { } overdue)
            yield return OperatorDays.StartOf(OperatorCalendar.DateOf(overdue).AddDays(rules.ArrearsDeclineDays + 1));
    }

    /// <summary>Calls to competitors' service numbers in the window ending now, newest first.</summary>
    private static List<DateTimeOffset> CallsInWindow(CustomerProfile p, RuleSettings rules, DateTimeOffset now)
    {
        var from = now - TimeSpan.FromDays(rules.CompetitorCallWindowDays);
        // Most customers made no such call lately: then there is nothing to filter and sort.
        var any = false;
        foreach (var call in p.CompetitorServiceCalls) any |= call > from;
        return any ? p.CompetitorServiceCalls.Where(c => c > from).OrderDescending().ToList() : [];
    }

    /// <summary>Average data use of the three months before <paramref name="month"/>, if the customer held all of them and used any.</summary>
    private static decimal? TrailingDataAverage(CustomerProfile p, string month)
    {
        // The oldest of the three is the last to be held in full: if it is, so are the two after it.
        if (!FullMonth(p, OperatorDays.AddMonths(month, -3))) return null;
        var sum = 0m;
        for (var i = 1; i <= 3; i++) sum += p.UsageIn(OperatorDays.AddMonths(month, -i)).DataMb;
        var average = sum / 3;
        return average > 0 ? average : null;
    }
}
