using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;

namespace Customer360.Domain.Tests;

/// <summary>
/// Builds profiles the way production does, by applying events (never through the JSON parser), at fixed
/// instants: no test reads the clock.
/// </summary>
internal static class Given
{
    /// <summary>Monday 23 November 2026, 16:00 operator time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static DateOnly Today => OperatorCalendar.DateOf(Now);

    private static int _ids;

    /// <summary>An operator-time instant.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 12) => new(year, month, day, hour, 0, 0, Cst);

    /// <summary>Midnight starting an operator day.</summary>
    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Cst);

    public static CustomerIdentity Identity(DateOnly? joined = null) => new(
        "Li Wei", "13800001234", "north", joined ?? new DateOnly(2024, 1, 15), "S01", "AM01", "PM01", null, null, null);

    public static CustomerProfile Customer(DateOnly? joined = null, Func<CustomerIdentity, CustomerIdentity>? identity = null)
    {
        var p = new CustomerProfile { CustomerId = "C1" };
        var id = Identity(joined);
        p.On(At(2024, 1, 15), new CustomerRegistered(identity is null ? id : identity(id)));
        return p;
    }

    public static ProductHolding Plan(decimal dataMb = 10240, decimal voiceMinutes = 500, bool broadband = true,
        DateOnly? contractEnd = null, PaymentMode mode = PaymentMode.Postpaid) =>
        new("Plan 128", 128, voiceMinutes, dataMb, 100, broadband, false, [], contractEnd, mode, false);

    public static ApplyOutcome On(this CustomerProfile p, DateTimeOffset at, EventPayload payload, string? eventId = null)
    {
        var outcome = ProfileApplier.Apply(p, new CustomerEvent(eventId ?? $"e{Interlocked.Increment(ref _ids)}", p.CustomerId, null, at, payload));
        Assert.False(outcome.IsRejected, outcome.Rejection);
        return outcome;
    }

    /// <summary>Closes billing months (each at the start of the next month), prepaid-style with no due date.</summary>
    public static CustomerProfile Bills(this CustomerProfile p, params (string Month, decimal Amount)[] bills)
    {
        foreach (var (month, amount) in bills)
        {
            var closedAt = Midnight(DateOnly.ParseExact(month + "-01", "yyyy-MM-dd").AddMonths(1)).AddHours(2);
            p.On(closedAt, new BillClosed(month, amount, null));
        }
        return p;
    }

    public static CustomerProfile Data(this CustomerProfile p, string month, decimal mb)
    {
        p.On(At(int.Parse(month[..4]), int.Parse(month[5..]), 10), new DataUsed(mb, false));
        return p;
    }

    public static CustomerProfile Voice(this CustomerProfile p, string month, decimal minutes)
    {
        p.On(At(int.Parse(month[..4]), int.Parse(month[5..]), 10), new VoiceUsed((int)(minutes * 60), false, false, false));
        return p;
    }

    public static CustomerProfile CompetitorCall(this CustomerProfile p, DateTimeOffset at)
    {
        p.On(at, new VoiceUsed(60, true, true, false));
        return p;
    }

    public static CustomerProfile Touch(this CustomerProfile p, DateTimeOffset at, TouchpointKind kind, int? score = null,
        string? reference = null, bool discount = false)
    {
        p.On(at, new TouchpointRecorded(TouchpointChannel.Store, kind, "S01", "U1", null, null, score, reference, null, discount));
        return p;
    }

    /// <summary>A customer with one open complaint, derived: its alert is the only one.</summary>
    public static (CustomerProfile Profile, Alert Alert) WithComplaint()
    {
        var p = Customer().Touch(Now.AddHours(-1), TouchpointKind.Complaint, reference: "T1");
        p.Derive();
        return (p, p.Derived.Alerts.Single());
    }

    public static DerivationResult Derive(this CustomerProfile p, DateTimeOffset? now = null, RuleSettings? rules = null) =>
        ProfileRules.Derive(p, rules ?? RuleSettings.Defaults, now ?? Now);

    public static DateTimeOffset? NextDue(this CustomerProfile p, DateTimeOffset? now = null, RuleSettings? rules = null) =>
        ProfileRules.NextDue(p, rules ?? RuleSettings.Defaults, now ?? Now);
}
