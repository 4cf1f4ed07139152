using System.Globalization;
using System.Text.Json.Nodes;

namespace Customer360.Feeder;

/// <summary>
/// The scripted half of the demo feed: what makes each demo user's console change while they watch. The random
/// usage beside it only runs up counters, which no list shows. Everything here happens on a fixed beat, so what
/// comes next can be told from the clock.
/// </summary>
/// <remarks>
/// Beats are 15 s, numbered from the Unix epoch; a round is eight beats (two minutes):
/// <list type="table">
/// <item><term>0, 4</term><description>a demo customer of region north at or over the mid/high line is identified at store S01
/// (a walk-in touchpoint): on store01's walk-ins of the day, a walk-in alert for the store and the account manager.</description></item>
/// <item><term>1</term><description>a newcomer joins region north as a mass customer with no bill yet (sup-north's counts);
/// one newcomer in five, two rounds after joining, ports out (the stage and, for mid/high ones, retention move).</description></item>
/// <item><term>5</term><description>the newcomer's three closed bills: its tier moves, in three rounds of four across the
/// mid/high line (a tier change on sup-north's board, with its reason).</description></item>
/// <item><term>2, 6</term><description>a complaint opens for one of PM01's customers, and the one opened three minutes
/// earlier is resolved (PM01's alert queue; the same customers are AM01's portfolio).</description></item>
/// <item><term>3, 7</term><description>one of AM01's prepaid customers runs low on balance (low-balance alert), and
/// the one that ran low two minutes earlier tops up (the alert clears by itself).</description></item>
/// </list>
/// Why newcomers rather than the registered population for tier changes: an upgrade takes effect at once, a
/// downgrade only at a month close (DOMAIN.md), so within a month a customer crosses the mid/high line upward once
/// and never back. Moving the same customers would use them up in minutes; each newcomer crosses it once. The
/// region so grows by one customer every two minutes the feed runs.
/// Event ids are made of the beat, or of the newcomer's number, so a feed restarted within a beat sends duplicates
/// rather than a second walk-in or bill. A complaint's reference and a balance belong to the customer, so what a
/// stopped run left open, the next run's <see cref="Tidy"/> closes.
/// </remarks>
public sealed class DemoStory
{
    public static readonly TimeSpan BeatLength = TimeSpan.FromSeconds(15);
    private const int BeatsPerRound = 8;
    private const string WalkInStore = "S01";

    /// <summary>The region of <see cref="WalkInStore"/> (demo user store01: store S01, region north).</summary>
    private const string WalkInRegion = "north";
    private const string PhoneManager = "PM01";
    private const string AccountManager = "AM01";
    /// <summary>A complaint stays open this many minutes (walk-ins, complaints and balances step once a minute).</summary>
    private const int ComplaintMinutes = 3;
    private const int LowBalanceMinutes = 2;

    /// <summary>
    /// The newcomers' monthly bills, by newcomer number modulo 8: six over the mid/high line (A3 ≥ 360; one in a
    /// group, one a silver VIP when a year with us), two under it, whose change is only in stars.
    /// </summary>
    private static readonly (decimal Monthly, bool InGroup)[] NewcomerBills =
        [(150, false), (140, true), (95, false), (130, false), (320, false), (160, false), (60, false), (200, false)];

    private readonly string _runId;
    private readonly int[] _walkIns;
    private readonly int[] _complainers;
    private readonly int[] _lowBalances;

    /// <param name="customers">The demo population's size (<c>--customers</c>): its customers 1…N are the ones named.</param>
    /// <param name="runId">Tells this run's tidy-up events from the last run's.</param>
    public DemoStory(int customers, string runId)
    {
        _runId = runId;
        var all = Enumerable.Range(1, customers).ToArray();
        // Three closed bills of MonthlyBill each: A3 at or over 360 is mid/high or better (DOMAIN.md).
        // Store staff identify customers of their store's region only (Access:WalkInScope, default region), and
        // store S01 is in region north: a walk-in elsewhere would be refused at a real counter.
        _walkIns = [.. all.Where(n => 3 * DemoPopulation.MonthlyBill(n) >= 360 && DemoPopulation.Region(n) == WalkInRegion)];
        _complainers = [.. all.Where(n => DemoPopulation.PhoneManagerId(n) == PhoneManager)];
        // The low-balance alert is for prepaid customers only.
        _lowBalances = [.. all.Where(n => DemoPopulation.AccountManagerId(n) == AccountManager && DemoPopulation.Prepaid(n))];
    }

    /// <summary>One request of a beat, with the line the feeder logs for it.</summary>
    public sealed record Step(string What, JsonObject[] Events);

    public static long BeatOf(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)BeatLength.TotalSeconds;

    /// <summary>Sent once at start: closes the complaints and lifts the low balances a stopped run may have left.</summary>
    public Step Tidy() => new($"tidy: {_complainers.Length} complaints of {PhoneManager} resolved, {_lowBalances.Length} balances of {AccountManager} reset",
    [
        .. _complainers.Select(n => Resolution(n, $"demo-{_runId}-tidy-complaint-{n}")),
        .. _lowBalances.Select(n => Event($"demo-{_runId}-tidy-balance-{n}", n, "balance", new JsonObject { ["balance"] = 60 })),
    ]);

    /// <summary>What the feed sends in beat <paramref name="beat"/>, in order; often nothing.</summary>
    public IEnumerable<Step> At(long beat, DateTimeOffset now)
    {
        var minute = beat / 4;
        var round = beat / BeatsPerRound;
        switch (beat % BeatsPerRound)
        {
            case 0 or 4 when _walkIns.Length > 0:
                var walker = Pick(_walkIns, minute);
                yield return new($"walk-in: {DemoPopulation.CustomerId(walker)} identified at store {WalkInStore}",
                [
                    Event($"demo-walkin-{beat}", walker, "touchpoint",
                        new JsonObject { ["channel"] = "store", ["kind"] = "walk-in", ["storeId"] = WalkInStore, ["staffId"] = "demo" }),
                ]);
                break;
            case 1:
                yield return new($"newcomer: {NewcomerId(round)} joins region north", [.. Newcomer(round, now)]);
                if (round >= 2 && (round - 2) % 5 == 4)
                    yield return new($"newcomer: {NewcomerId(round - 2)} ports out",
                    [
                        DemoPopulation.Event($"demo-newcomer-{NewcomerId(round - 2)}-out", NewcomerId(round - 2), "account.closed",
                            new JsonObject { ["portedOut"] = true }),
                    ]);
                break;
            case 5:
                var (monthly, _) = NewcomerBills[round % NewcomerBills.Length];
                // The registration again first, a duplicate unless this run started after beat 1 of the round: then
                // registration and bills land together and the newcomer starts at its tier, with no change to show.
                yield return new($"bills: {NewcomerId(round)}'s last three months close at {monthly} each (A3 {3 * monthly})",
                    [.. Newcomer(round, now), .. DemoPopulation.Bills(NewcomerId(round), monthly, now)]);
                break;
            case 2 or 6 when _complainers.Length > 0:
                var (opens, resolved) = (Pick(_complainers, minute), Pick(_complainers, minute - ComplaintMinutes));
                yield return new($"complaint: {DemoPopulation.CustomerId(opens)} complains, {DemoPopulation.CustomerId(resolved)}'s is resolved",
                [
                    Resolution(resolved, $"demo-complaint-resolved-{beat}"),
                    Event($"demo-complaint-{beat}", opens, "touchpoint", new JsonObject
                    {
                        ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = ComplaintReference(opens), ["note"] = "Demo: a bill the customer disputes",
                    }),
                ]);
                break;
            case 3 or 7 when _lowBalances.Length > 0:
                var (low, topsUp) = (Pick(_lowBalances, minute), Pick(_lowBalances, minute - LowBalanceMinutes));
                yield return new($"balance: {DemoPopulation.CustomerId(low)} runs low, {DemoPopulation.CustomerId(topsUp)} tops up",
                [
                    Event($"demo-topup-{beat}", topsUp, "billing.payment", new JsonObject { ["amount"] = 50, ["method"] = "app" }),
                    Event($"demo-low-balance-{beat}", low, "balance", new JsonObject { ["balance"] = 4 }),
                ]);
                break;
        }
    }

    /// <summary>Newcomers are N00000001…, numbered by round: never a demo customer's id (C000001…) nor a synthetic one (C00000001…).</summary>
    public static string NewcomerId(long round) => $"N{round % 100_000_000:D8}";

    /// <summary>The registration and plan of newcomer <paramref name="round"/>, in region north, its managers and store by its number.</summary>
    private static IEnumerable<JsonObject> Newcomer(long round, DateTimeOffset now)
    {
        var id = NewcomerId(round);
        // Mostly a year or more with us (stable; a VIP card possible), one in three some five months (forming).
        var joined = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-(round % 3 == 0 ? 150 : 420 + (int)(round % 7) * 61));
        var identity = new JsonObject
        {
            ["name"] = DemoPopulation.Name(round),
            ["msisdn"] = $"139{round % 100_000_000:D8}",
            ["region"] = "north",
            ["joinedOn"] = joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["homeStoreId"] = $"S{round % 10 + 1:D2}",
            ["accountManagerId"] = DemoPopulation.AccountManagerId(round),
            ["phoneManagerId"] = DemoPopulation.PhoneManagerId(round),
        };
        if (NewcomerBills[round % NewcomerBills.Length].InGroup)
        {
            // Class C: a group member, not a key person of an A/B group (who would be strategic whatever the bills).
            identity["groupId"] = "G-NORTH-01";
            identity["groupClass"] = "C";
        }
        yield return DemoPopulation.Event($"demo-newcomer-{id}-reg", id, "customer.registered", identity);
        // Postpaid: a prepaid newcomer would start with no balance, and so with a low-balance alert.
        yield return DemoPopulation.Event($"demo-newcomer-{id}-plan", id, "product.changed", new JsonObject
        {
            ["planName"] = "58 4G", ["monthlyFee"] = 58, ["voiceMinutes"] = 300, ["dataMb"] = 10240, ["sms"] = 100, ["paymentMode"] = "postpaid",
        });
    }

    private static string ComplaintReference(int n) => $"demo-complaint-{DemoPopulation.CustomerId(n)}";

    private static JsonObject Resolution(int n, string eventId) => Event(eventId, n, "touchpoint", new JsonObject
    {
        ["channel"] = "phone-manager", ["kind"] = "complaint-resolved", ["reference"] = ComplaintReference(n), ["staffId"] = PhoneManager,
    });

    private static JsonObject Event(string eventId, int n, string type, JsonObject payload) =>
        DemoPopulation.Event(eventId, DemoPopulation.CustomerId(n), type, payload);

    private static int Pick(int[] customers, long index) => customers[(int)(((index % customers.Length) + customers.Length) % customers.Length)];
}
