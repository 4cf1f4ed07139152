using System.Globalization;
using System.Text.Json.Nodes;

namespace Customer360.Feeder;

/// <summary>
/// A small, deterministic demo population: the same ids, names and phone numbers on every run, so a second
/// run re-registers nobody (the registrations come back as duplicates) and the consoles keep their customers.
/// </summary>
public static class DemoPopulation
{
    private static readonly string[] Surnames = ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"];
    private static readonly string[] Given = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Qiang", "Yan", "Jun", "Hui", "Tao", "Xin"];
    private static readonly string[] Regions = ["north", "south", "east", "west"];

    public static string CustomerId(int n) => $"C{n:D6}";

    /// <summary>A name from the demo's lists; <paramref name="n"/> picks it, the same one every run.</summary>
    public static string Name(long n) => $"{Surnames[n % Surnames.Length]} {Given[n * 7 % Given.Length]}";

    public static string Region(int n) => Regions[n % Regions.Length];

    public static string AccountManagerId(long n) => $"AM{n % 5 + 1:D2}";

    public static string PhoneManagerId(long n) => $"PM{n % 5 + 1:D2}";

    public static bool Prepaid(int n) => n % 5 == 0;

    /// <summary>
    /// The amount of each of the three closed bills <see cref="Holdings"/> gives the customer: a few big spenders
    /// (gold/diamond cards), many ordinary ones. Three times it is the customer's A3, which sets the tier.
    /// </summary>
    public static decimal MonthlyBill(int n) => n % 17 == 0 ? 1100m : n % 9 == 0 ? 560m : n % 4 == 0 ? 160m : Plan(n).Fee + n % 40;

    private static (string Name, decimal Fee, decimal Voice, decimal DataMb) Plan(int n) => Plans[n % 7 == 0 ? 3 : n % 3 == 0 ? 2 : n % 2];

    public static JsonObject Registration(int n)
    {
        var joined = new DateOnly(2019, 1, 1).AddDays(n * 37 % 2400);
        return new JsonObject
        {
            ["eventId"] = $"demo-reg-{CustomerId(n)}",
            ["customerId"] = CustomerId(n),
            ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["type"] = "customer.registered",
            ["payload"] = new JsonObject
            {
                ["name"] = Name(n),
                ["msisdn"] = $"138{n:D8}",
                ["region"] = Region(n),
                ["joinedOn"] = joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["homeStoreId"] = $"S{n % 10 + 1:D2}",
                ["accountManagerId"] = AccountManagerId(n),
                ["phoneManagerId"] = PhoneManagerId(n),
            },
        };
    }

    private static readonly (string Name, decimal Fee, decimal Voice, decimal DataMb)[] Plans =
    [("18 basic", 18, 100, 1024), ("58 4G", 58, 300, 10240), ("128 5G", 128, 800, 40960), ("298 5G family", 298, 2000, 102400)];
    private static readonly (string Brand, string Model, string Band)[] Devices =
    [("Huawei", "Mate 70", "premium"), ("Xiaomi", "14", "high"), ("OPPO", "A3", "mid"), ("vivo", "Y200", "entry"), ("Apple", "iPhone 16", "premium")];

    /// <summary>
    /// What a customer holds when first loaded: a plan, a handset (some old enough to replace), and the last
    /// three closed bills, spread so that every tier and VIP card occurs in the demo.
    /// </summary>
    public static IEnumerable<JsonObject> Holdings(int n)
    {
        var now = DateTimeOffset.UtcNow;
        var plan = Plan(n);
        var device = Devices[n % Devices.Length];
        yield return Event($"demo-plan-{CustomerId(n)}", n, "product.changed", new JsonObject
        {
            ["planName"] = plan.Name, ["monthlyFee"] = plan.Fee, ["voiceMinutes"] = plan.Voice, ["dataMb"] = plan.DataMb,
            ["sms"] = 100, ["broadband"] = n % 4 != 0, ["paymentMode"] = Prepaid(n) ? "prepaid" : "postpaid", ["autoPay"] = n % 3 == 0,
            ["contractEnd"] = DateOnly.FromDateTime(now.UtcDateTime).AddDays(n * 11 % 400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        yield return Event($"demo-device-{CustomerId(n)}", n, "device.changed", new JsonObject
        {
            ["brand"] = device.Brand, ["model"] = device.Model, ["priceBand"] = device.Band, ["dualSim"] = n % 3 == 1,
            ["inUseSince"] = DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-(n * 5 % 36)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        foreach (var e in Bills(CustomerId(n), MonthlyBill(n), now)) yield return e;
    }

    /// <summary>
    /// The three closed bills before <paramref name="now"/>, each paid: their ids name customer and month, so a
    /// re-run in the same month sends nothing new.
    /// </summary>
    public static IEnumerable<JsonObject> Bills(string customerId, decimal monthly, DateTimeOffset now)
    {
        foreach (var month in ClosedMonths(now))
        {
            yield return Event($"demo-bill-{customerId}-{month}", customerId, "billing.closed", new JsonObject { ["month"] = month, ["amount"] = monthly });
            yield return Event($"demo-pay-{customerId}-{month}", customerId, "billing.payment", new JsonObject { ["amount"] = monthly });
        }
    }

    /// <summary>The three billing months before <paramref name="now"/> where the operator is (UTC+8), oldest first: the months of A3.</summary>
    public static IEnumerable<string> ClosedMonths(DateTimeOffset now)
    {
        for (var back = 3; back >= 1; back--)
            yield return now.ToOffset(TimeSpan.FromHours(8)).AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>A usage record or contact, in the proportions mediation and channels emit them.</summary>
    public static JsonObject Activity(string runId, long seq, int n, Random random)
    {
        var id = $"demo-{runId}-{seq}";
        var roll = random.NextDouble();
        if (roll < 0.55) return DataRecord(runId, seq, n, random);
        if (roll < 0.85)
            return Event(id, n, "usage.voice", new JsonObject
            {
                ["seconds"] = random.Next(10, 900), ["offNet"] = random.NextDouble() < 0.3,
                ["competitorServiceNumber"] = random.NextDouble() < 0.01, ["roaming"] = random.NextDouble() < 0.03,
            });
        if (roll < 0.98) return Event(id, n, "usage.sms", new JsonObject { ["count"] = 1 });
        // No complaints here: a complaint stays open until its resolution, so the demo story (DemoStory) opens
        // them, each with the resolution that closes it a few minutes later.
        var kinds = new[] { "visit", "call", "survey", "campaign-offered", "campaign-accepted" };
        return Event(id, n, "touchpoint", new JsonObject
        {
            ["channel"] = random.NextDouble() < 0.5 ? "store" : "phone-manager", ["kind"] = kinds[random.Next(kinds.Length)],
            ["storeId"] = $"S{n % 10 + 1:D2}", ["score"] = random.Next(1, 6), ["stage"] = "satisfaction",
        });
    }

    private static JsonObject Event(string eventId, int n, string type, JsonObject payload) => Event(eventId, CustomerId(n), type, payload);

    /// <summary>An event of the feed, happening now.</summary>
    public static JsonObject Event(string eventId, string customerId, string type, JsonObject payload) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["type"] = type,
        ["payload"] = payload,
    };

    /// <summary>A data record with a heavy-tailed size, as mediation emits them: mostly small, a few large.</summary>
    public static JsonObject DataRecord(string runId, long seq, int n, Random random) => new()
    {
        ["eventId"] = $"demo-{runId}-{seq}",
        ["customerId"] = CustomerId(n),
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["type"] = "usage.data",
        ["payload"] = new JsonObject
        {
            ["mb"] = Math.Round(Math.Exp(random.NextDouble() * 6) / 4, 2),
            ["roaming"] = random.NextDouble() < 0.03,
        },
    };
}
