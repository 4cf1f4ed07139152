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
                ["name"] = $"{Surnames[n % Surnames.Length]} {Given[n * 7 % Given.Length]}",
                ["msisdn"] = $"138{n:D8}",
                ["region"] = Regions[n % Regions.Length],
                ["joinedOn"] = joined.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["homeStoreId"] = $"S{n % 10 + 1:D2}",
                ["accountManagerId"] = $"AM{n % 5 + 1:D2}",
                ["phoneManagerId"] = $"PM{n % 5 + 1:D2}",
            },
        };
    }

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
