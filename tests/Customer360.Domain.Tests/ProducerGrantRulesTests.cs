using System.Text.Json;
using Customer360.Domain.Access;
using Customer360.Domain.Events;

namespace Customer360.Domain.Tests;

public sealed class ProducerGrantRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    // One event of every type a producer can send, as it comes over the wire, and the one grant that lets it in.
    // Store systems hold store S01 in every row below.
    private static readonly Dictionary<string, (string Type, string Payload, string Needs)> Examples = new()
    {
        ["registration"] = (EventTypes.CustomerRegistered, """{"name":"Li Wei","msisdn":"13800001234","region":"north","joinedOn":"2025-01-15"}""", ProducerGrants.MasterData),
        ["reassigning the account manager"] = (EventTypes.CustomerUpdated, """{"accountManagerId":"AM99"}""", ProducerGrants.MasterData),
        ["moving the region"] = (EventTypes.CustomerUpdated, """{"region":"south","homeStoreId":"S02"}""", ProducerGrants.MasterData),
        ["renaming"] = (EventTypes.CustomerUpdated, """{"name":"Li Wei"}""", ProducerGrants.MasterData),
        ["account closure"] = (EventTypes.AccountClosed, """{"portedOut":true}""", ProducerGrants.MasterData),
        ["voice"] = (EventTypes.UsageVoice, """{"seconds":60}""", ProducerGrants.Usage),
        ["data"] = (EventTypes.UsageData, """{"mb":12.5}""", ProducerGrants.Usage),
        ["sms"] = (EventTypes.UsageSms, "{}", ProducerGrants.Usage),
        ["bill"] = (EventTypes.BillingClosed, """{"month":"2026-10","amount":88}""", ProducerGrants.Usage),
        ["payment"] = (EventTypes.BillingPayment, """{"amount":100}""", ProducerGrants.Usage),
        ["balance"] = (EventTypes.Balance, """{"balance":-3}""", ProducerGrants.Usage),
        ["product"] = (EventTypes.ProductChanged, """{"planName":"5G 128","monthlyFee":128,"paymentMode":"postpaid"}""", ProducerGrants.Usage),
        ["device"] = (EventTypes.DeviceChanged, """{"brand":"Huawei","model":"Mate 60","priceBand":"high"}""", ProducerGrants.Usage),
        ["complaint by phone"] = (EventTypes.Touchpoint, """{"channel":"call-centre","kind":"complaint"}""", ProducerGrants.Usage),
        ["visit at the producer's store"] = (EventTypes.Touchpoint, """{"channel":"store","kind":"visit","storeId":"S01"}""", ProducerGrants.Usage),
        ["walk-in at the producer's store"] = (EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in","storeId":"S01"}""", ProducerGrants.StoreSystems),
    };

    private static readonly string[] GrantSets = ["", ProducerGrants.Usage, ProducerGrants.MasterData, ProducerGrants.StoreSystems];

    public static TheoryData<string, string> EventTypeByGrant()
    {
        var rows = new TheoryData<string, string>();
        foreach (var example in Examples.Keys)
            foreach (var grant in GrantSets)
                rows.Add(example, grant);
        return rows;
    }

    private static EventPayload Payload(string type, string payload)
    {
        var json = $$"""{"eventId":"e1","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"{{type}}","payload":{{payload}}}""";
        var parsed = EventParser.Parse(JsonDocument.Parse(json).RootElement, Now);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Event!.Payload;
    }

    private static Producer Holding(string grants, params string[] stores) =>
        Producer.Of("feed", grants.Split(',', StringSplitOptions.RemoveEmptyEntries), stores);

    [Theory]
    [MemberData(nameof(EventTypeByGrant))]
    public void an_event_passes_only_with_the_grant_its_type_needs(string example, string grant)
    {
        var (type, payload, needs) = Examples[example];
        var refusal = ProducerGrantRules.Refusal(Holding(grant, "S01"), Payload(type, payload));
        if (grant == needs) Assert.Null(refusal);
        else Assert.NotNull(refusal);
    }

    [Fact]
    public void every_event_type_a_producer_can_send_belongs_to_a_grant()
    {
        Assert.Equal(EventTypes.Supported.Order(), Examples.Values.Select(e => e.Type).Distinct().Order());
        foreach (var (type, payload, needs) in Examples.Values)
            Assert.Equal(needs, ProducerGrantRules.RequiredGrant(Payload(type, payload)));
    }

    [Fact]
    public void a_producer_holding_every_grant_sends_every_type_at_its_stores()
    {
        var all = Holding(string.Join(',', ProducerGrants.All), "S01");
        foreach (var (type, payload, _) in Examples.Values)
            Assert.Null(ProducerGrantRules.Refusal(all, Payload(type, payload)));
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        // grants held, event type, payload, the reason given
        { "usage", EventTypes.CustomerUpdated, """{"accountManagerId":"AM99"}""",
            "event type customer.updated is outside this producer's grants (usage); it needs master-data" },
        { "", EventTypes.UsageData, """{"mb":1}""", "event type usage.data is outside this producer's grants (none); it needs usage" },
        { "usage,master-data", EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in","storeId":"S01"}""",
            "a walk-in touchpoint is outside this producer's grants (master-data, usage); it needs store-systems" },
        { "store-systems", EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in","storeId":"S02"}""",
            "walk-in at store S02 is not one of this producer's stores" },
        { "store-systems", EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in","storeId":"s01"}""",
            "walk-in at store s01 is not one of this producer's stores" },
        { "store-systems", EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in"}""",
            "a walk-in touchpoint must name the storeId of one of this producer's stores" },
        { "store-systems", EventTypes.Touchpoint, """{"channel":"store","kind":"visit","storeId":"S01"}""",
            "event type touchpoint is outside this producer's grants (store-systems); it needs usage" },
        { "store-systems", EventTypes.CustomerRegistered, """{"name":"Li Wei","msisdn":"13800001234","region":"north","joinedOn":"2025-01-15","homeStoreId":"S01"}""",
            "event type customer.registered is outside this producer's grants (store-systems); it needs master-data" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void a_refusal_names_what_the_producer_lacks(string grants, string type, string payload, string reason) =>
        Assert.Equal(reason, ProducerGrantRules.Refusal(Holding(grants, "S01"), Payload(type, payload)));

    [Fact]
    public void what_only_staff_record_is_refused_whatever_the_producer_holds()
    {
        var all = Holding(string.Join(',', ProducerGrants.All), "S01");
        EventPayload[] staffOnly = [new ManualTagChanged("vip", true, "am01"), new AlertActionTaken("A1", AlertActionKind.Resolve, "pm01")];
        foreach (var payload in staffOnly)
        {
            Assert.Null(ProducerGrantRules.RequiredGrant(payload));
            Assert.Equal($"event type {payload.Type} is recorded by staff only; no producer may send it", ProducerGrantRules.Refusal(all, payload));
        }
    }
}
