using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts.Hosting;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// One customer through a realistic year, fed through <c>POST /api/v1/events</c> and checked through
/// <c>GET /api/v1/customers/{id}</c>. Silo and gateway share a business clock the test moves; Orleans' own
/// timers keep real time.
/// </summary>
public sealed class CustomerYearTests : IAsyncLifetime
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, Cst));
    private TestDatabase _db = null!;
    private TestSilo _silo = null!;
    private TestGateway _gateway = null!;
    private HttpClient _http = null!;
    private HttpClient _admin = null!;
    private int _eventNo;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var cluster = $"year-{Guid.NewGuid():N}";
        void UseClock(IServiceCollection s) => s.AddKeyedSingleton<TimeProvider>(Clocks.Business, _clock);
        _silo = await TestSilo.StartAsync(_db, cluster, configureServices: UseClock);
        _gateway = await TestGateway.StartAsync(_db, cluster, configureServices: UseClock);
        _http = _gateway.CreateIngestClient();
        await Eventually.GetAsync(async () => (await _http.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok,
            TimeSpan.FromSeconds(60), "gateway ready");
        _admin = await _gateway.CreateSignedInClientAsync("admin");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _admin.Dispose();
        await _gateway.DisposeAsync();
        await _silo.DisposeAsync();
        await _db.DisposeAsync();
    }

    private void At(int year, int month, int day) => _clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, Cst));

    private JsonObject Event(string type, JsonObject payload, DateTimeOffset? occurredAt = null) => new()
    {
        ["eventId"] = $"y1-{++_eventNo}",
        ["customerId"] = "Y1",
        ["occurredAt"] = (occurredAt ?? _clock.GetUtcNow()).ToString("O", CultureInfo.InvariantCulture),
        ["type"] = type,
        ["payload"] = payload,
    };

    private async Task Post(params JsonObject[] events)
    {
        var answer = await Feed.PostAsync(_http, events);
        Assert.True(answer.GetProperty("accepted").GetInt32() == events.Length, answer.ToString());
    }

    /// <summary>On the 2nd of the next month: the month's data use (dated inside it), its bill, and the payment.</summary>
    private async Task CloseMonth(int year, int month, decimal bill)
    {
        var next = new DateTime(year, month, 1).AddMonths(1);
        At(next.Year, next.Month, 2);
        var mid = new DateTimeOffset(year, month, 15, 12, 0, 0, Cst);
        await Post(
            Event("usage.data", new JsonObject { ["mb"] = 6000 }, mid),
            Event("billing.closed", new JsonObject { ["month"] = $"{year:D4}-{month:D2}", ["amount"] = bill }),
            Event("billing.payment", new JsonObject { ["amount"] = bill }));
    }

    private async Task<JsonElement> Derived() => (await Feed.ProfileAsync(_admin, "Y1")).GetProperty("derived");

    private static string Stage(JsonElement d) => d.GetProperty("stage").GetProperty("stage").GetString()!;

    private static string Tier(JsonElement d) => d.GetProperty("tier").GetProperty("tier").GetString()!;

    private static IEnumerable<string> AlertKinds(JsonElement d) => d.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()!);

    [Fact]
    public async Task a_year_moves_the_customer_through_stages_and_tiers_and_raises_and_clears_alerts()
    {
        await Post(
            Event("customer.registered", new JsonObject
            {
                ["name"] = "Sun Li", ["msisdn"] = "13900000001", ["region"] = "north", ["joinedOn"] = "2025-03-01",
                ["homeStoreId"] = "S01", ["accountManagerId"] = "AM01", ["phoneManagerId"] = "PM01",
            }),
            Event("product.changed", new JsonObject
            {
                ["planName"] = "58 4G", ["monthlyFee"] = 58, ["voiceMinutes"] = 300, ["dataMb"] = 10240, ["sms"] = 100, ["paymentMode"] = "postpaid",
            }),
            Event("device.changed", new JsonObject { ["brand"] = "Huawei", ["model"] = "Mate", ["priceBand"] = "high", ["inUseSince"] = "2025-03-01" }));
        var d = await Derived();
        Assert.Equal(("exploring", "mass"), (Stage(d), Tier(d)));

        await CloseMonth(2025, 3, 110);
        await CloseMonth(2025, 4, 120);
        d = await Derived();
        Assert.Equal(("exploring", "mass"), (Stage(d), Tier(d)));
        Assert.Equal(3, d.GetProperty("tier").GetProperty("stars").GetInt32());

        await CloseMonth(2025, 5, 140); // 2 June: 93 days in, A3 = 370
        d = await Derived();
        Assert.Equal(("forming", "mid-high"), (Stage(d), Tier(d)));
        Assert.True(d.GetProperty("inMidHighBase").GetBoolean());

        for (var month = 6; month <= 11; month++) await CloseMonth(2025, month, 140);
        await CloseMonth(2025, 12, 520); // +271% on the trailing average
        Assert.Contains("spend-spike", AlertKinds(await Derived()));
        await CloseMonth(2026, 1, 510);
        await CloseMonth(2026, 2, 500); // 2 March 2026: a year in, A3 = 1530, the spike has passed
        d = await Derived();
        Assert.Equal(("stable", "strategic", "gold"), (Stage(d), Tier(d), d.GetProperty("tier").GetProperty("card").GetString()));
        Assert.DoesNotContain("spend-spike", AlertKinds(d));

        // Three calls to a competitor's service number within 30 days.
        for (var day = 10; day <= 12; day++)
        {
            At(2026, 3, day);
            await Post(Event("usage.voice", new JsonObject { ["seconds"] = 120, ["competitorServiceNumber"] = true }));
        }
        d = await Derived();
        Assert.Equal("declining", Stage(d));
        var churn = d.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "churn-risk");
        Assert.Equal(("critical", "PM01"), (churn.GetProperty("severity").GetString(), churn.GetProperty("owner").GetString()));

        // Quiet months: the signal ages out after 30 days, and 60 quiet days later the customer is stable again.
        await CloseMonth(2026, 3, 500);
        await CloseMonth(2026, 4, 500);
        Assert.Equal("declining", Stage(await Derived()));
        await CloseMonth(2026, 5, 500);
        At(2026, 6, 15);
        await Post(Event("usage.sms", new JsonObject { ["count"] = 1 }));
        d = await Derived();
        Assert.Equal(("stable", "strategic"), (Stage(d), Tier(d)));
        Assert.DoesNotContain("churn-risk", AlertKinds(d));

        var history = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/customers/Y1?lang=zh");
        Assert.Contains(history.GetProperty("derived").GetProperty("tier").GetProperty("reason").GetProperty("text").GetString()!,
            c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Fact]
    public async Task a_time_driven_rule_fires_from_its_reminder_with_no_event()
    {
        // Three seconds before the 90th day begins (operator time): exploring now, forming at midnight.
        _clock.SetUtcNow(new DateTimeOffset(2025, 5, 29, 23, 59, 57, Cst));
        await Post(Event("customer.registered", new JsonObject
        {
            ["name"] = "Ma Jun", ["msisdn"] = "13900000002", ["region"] = "north", ["joinedOn"] = "2025-03-01",
        }));
        Assert.Equal("exploring", Stage(await Derived()));

        _clock.Advance(TimeSpan.FromSeconds(5));
        // No event is sent: only the reminder, registered in PostgreSQL for the next due moment, can move it.
        var d = await Eventually.GetAsync(Derived, x => Stage(x) == "forming", TimeSpan.FromSeconds(45), "stage moved by the reminder");
        Assert.Equal("forming", Stage(d));
    }
}
