using System.Text.Json;
using Customer360.Domain.Derived;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Rules;
using static Customer360.Domain.Tests.Given;

namespace Customer360.Domain.Tests;

/// <summary>
/// The ingest shortcut: after usage that only ran up this month's counters, the grain checks that the derived
/// profile still stands instead of deriving again. Whenever the check says so, a full derivation must give
/// exactly the same derived profile and the same next moment.
/// </summary>
public sealed class StandsAfterCountersTests
{
    private static readonly RuleSettings Rules = RuleSettings.Defaults;

    [Fact]
    public void whenever_the_check_passes_a_full_derivation_gives_the_same_profile_and_next_moment()
    {
        var rng = new Random(20261123);
        int stood = 0, rederived = 0, checkedButFailed = 0;
        for (var customer = 0; customer < 150; customer++)
        {
            var p = RandomCustomer(rng);
            var now = At(2026, 11, 20, 9);
            p.Derive(now, Rules);
            var due = p.NextDue(now, Rules);
            for (var step = 0; step < 80; step++)
            {
                now = now.AddMinutes(rng.Next(1, 24 * 60));
                if (ActOnAlerts(p, rng, now))
                {
                    // The grain derives after a person acts on an alert.
                    p.Derive(now, Rules);
                    due = p.NextDue(now, Rules);
                }
                var e = RandomRecord(p, rng, now);
                var counters = ProfileApplier.AddsToCounters(p, e, now);
                Assert.False(ProfileApplier.Apply(p, e).IsRejected);
                if (counters && ProfileRules.StandsAfterCounters(p, Rules, now, due))
                {
                    var full = Copy(p);
                    var result = ProfileRules.Derive(full, Rules, now);
                    Assert.True(result.Changed.Count == 0, $"customer {customer} step {step} at {now:O}: derivation changed {string.Join(", ", result.Changed)}");
                    Assert.Equal(Json(full.Derived), Json(p.Derived));
                    Assert.Equal(ProfileRules.NextDue(full, Rules, now), due);
                    stood++;
                    continue;
                }
                if (counters) checkedButFailed++;
                p.Derive(now, Rules);
                due = p.NextDue(now, Rules);
                rederived++;
            }
        }
        // The shortcut is taken for most of the feed, and refused often enough that both paths are exercised.
        Assert.True(stood > rederived, $"the check passed {stood} times, derivation ran {rederived} times");
        Assert.True(checkedButFailed > 100, $"the check refused only {checkedButFailed} counter records");
    }

    [Fact]
    public void crossing_the_saturation_line_is_not_skipped()
    {
        var p = Customer().Also(c => c.On(At(2026, 11, 1), new ProductChanged(Plan(dataMb: 1000))));
        p.Data("2026-11", 900);
        p.Derive(Now, Rules);
        var due = p.NextDue(Now, Rules);
        var e = new CustomerEvent("over", p.CustomerId, null, Now.AddMinutes(1), new DataUsed(200, false));
        Assert.True(ProfileApplier.AddsToCounters(p, e, Now.AddMinutes(2)));
        ProfileApplier.Apply(p, e);

        Assert.False(ProfileRules.StandsAfterCounters(p, Rules, Now.AddMinutes(2), due));
        Assert.Contains(p.Derive(Now.AddMinutes(2), Rules).AlertsRaised, a => a.Kind == AlertKind.PlanSaturation);
    }

    [Theory]
    [InlineData("roaming data")]
    [InlineData("a call to a competitor's service number")]
    [InlineData("last month's usage")]
    [InlineData("a month not held yet")]
    public void records_that_feed_other_rules_are_not_counters(string record)
    {
        var p = Customer().Data("2026-11", 10).Data("2026-10", 10);
        CustomerEvent E(EventPayload payload, DateTimeOffset at) => new("x", p.CustomerId, null, at, payload);
        var e = record switch
        {
            "roaming data" => E(new DataUsed(5, true), Now),
            "a call to a competitor's service number" => E(new VoiceUsed(60, true, true, false), Now),
            "last month's usage" => E(new DataUsed(5, false), At(2026, 10, 30)),
            _ => E(new SmsUsed(1), Now),
        };
        var now = record == "a month not held yet" ? At(2026, 12, 2) : Now;
        if (record == "a month not held yet") e = E(new SmsUsed(1), now);

        Assert.False(ProfileApplier.AddsToCounters(p, e, now));
        Assert.True(ProfileApplier.AddsToCounters(p, E(new DataUsed(5, false), Now), Now));
    }

    /// <summary>A customer near the saturation line of a small plan, with bills and sometimes arrears or an ageing handset.</summary>
    private static CustomerProfile RandomCustomer(Random rng)
    {
        var p = Customer(new DateOnly(2024, rng.Next(1, 13), rng.Next(1, 28)));
        var mode = rng.Next(4) == 0 ? PaymentMode.Prepaid : PaymentMode.Postpaid;
        p.On(At(2026, 6, 1), new ProductChanged(Plan(dataMb: rng.Next(0, 3) * 500, voiceMinutes: rng.Next(0, 3) * 50, mode: mode)));
        p.Bills(("2026-07", rng.Next(50, 150)), ("2026-08", rng.Next(50, 150)), ("2026-09", rng.Next(50, 150)), ("2026-10", rng.Next(20, 300)));
        for (var m = 7; m <= 11; m++) p.Data($"2026-{m:00}", rng.Next(0, 400)).Voice($"2026-{m:00}", rng.Next(0, 40));
        if (rng.Next(6) == 0) p.On(At(2026, 11, 5), new BalanceReported(-rng.Next(1, 50)));
        if (rng.Next(6) == 0) p.On(At(2026, 11, 5), new BalanceReported(rng.Next(0, 30)));
        if (rng.Next(4) == 0) p.On(At(2026, 11, 1), new DeviceChanged(new DeviceInfo("Brand", "Model", PriceBand.Entry, false, new DateOnly(2024, 11, rng.Next(15, 30)))));
        return p;
    }

    /// <summary>Mostly this month's plain usage, sometimes roaming, competitor calls, late records, bills or payments.</summary>
    private static CustomerEvent RandomRecord(CustomerProfile p, Random rng, DateTimeOffset now)
    {
        var at = now.AddMinutes(-rng.Next(0, 30));
        EventPayload payload = rng.Next(40) switch
        {
            0 => new DataUsed(rng.Next(1, 50), true),
            1 => new VoiceUsed(60, true, true, false),
            2 => new BalanceReported(rng.Next(-20, 40)),
            3 => new PaymentMade(rng.Next(10, 100), "app"),
            4 => new DataUsed(rng.Next(1, 50), false),
            < 22 => new DataUsed(rng.Next(1, 40), false),
            < 34 => new VoiceUsed(rng.Next(10, 600), rng.Next(2) == 0, false, false),
            _ => new SmsUsed(1),
        };
        if (payload is DataUsed && rng.Next(40) == 0) at = at.AddDays(-20); // a late record, maybe of last month
        return new CustomerEvent($"r{Guid.NewGuid():N}", p.CustomerId, null, at, payload);
    }

    /// <summary>Sometimes a person snoozes, acknowledges or resolves the saturation alert.</summary>
    private static bool ActOnAlerts(CustomerProfile p, Random rng, DateTimeOffset now)
    {
        if (rng.Next(10) != 0) return false;
        var alert = p.Derived.Alerts.LastOrDefault(a => a.Kind == AlertKind.PlanSaturation && a.State != AlertState.Resolved);
        if (alert is null) return false;
        var refusal = rng.Next(3) switch
        {
            0 => AlertActions.Snooze(p, alert.Id, now.AddHours(rng.Next(1, 48)), "PM01", now),
            1 => AlertActions.Acknowledge(p, alert.Id, "PM01", now),
            _ => AlertActions.Resolve(p, alert.Id, "offered a bigger plan", "PM01", now),
        };
        Assert.Null(refusal);
        return true;
    }

    private static CustomerProfile Copy(CustomerProfile p) =>
        JsonSerializer.Deserialize<CustomerProfile>(JsonSerializer.Serialize(p, DomainJson.Options), DomainJson.Options)!;

    private static string Json(DerivedProfile d) => JsonSerializer.Serialize(d, DomainJson.Options);
}
