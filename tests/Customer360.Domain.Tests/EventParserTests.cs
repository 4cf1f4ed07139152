using System.Text.Json;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Tests;

public sealed class EventParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private const string Registration = """
        {"eventId":"e1","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"customer.registered",
         "payload":{"name":"Li Wei","msisdn":"13800001234","region":"north","joinedOn":"2025-01-15","homeStoreId":"S01"}}
        """;

    private const string DataUsage = """
        {"eventId":"e2","customerId":"C1","occurredAt":"2026-11-23T07:00:00+08:00","type":"usage.data","payload":{"mb":12.5,"roaming":true}}
        """;

    private static EventParseResult Parse(string json) => EventParser.Parse(JsonDocument.Parse(json).RootElement, Now);

    [Fact]
    public void a_valid_registration_parses_with_every_identity_field()
    {
        var result = Parse(Registration);
        Assert.True(result.IsValid, result.Error);
        var r = Assert.IsType<CustomerRegistered>(result.Event!.Payload).Identity;
        Assert.Equal(("Li Wei", "13800001234", "north", new DateOnly(2025, 1, 15), "S01"), (r.Name, r.Msisdn, r.Region, r.JoinedOn, r.HomeStoreId));
        Assert.Equal("C1", result.Event.CustomerId);
    }

    [Fact]
    public void a_valid_data_record_parses_with_its_offset_kept()
    {
        var result = Parse(DataUsage);
        var d = Assert.IsType<DataUsed>(result.Event!.Payload);
        Assert.Equal((12.5m, true), (d.Mb, d.Roaming));
        Assert.Equal(TimeSpan.FromHours(8), result.Event.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("""{"customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":1}}""", "eventId is required")]
    [InlineData("""{"eventId":"x","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":1}}""", "customerId or msisdn is required")]
    [InlineData("""{"eventId":"x","customerId":"C1","type":"usage.data","payload":{"mb":1}}""", "occurredAt is required")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00","type":"usage.data","payload":{"mb":1}}""", "occurredAt must be an ISO 8601 time with an offset")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-24T07:00:00Z","type":"usage.data","payload":{"mb":1}}""", "occurredAt lies in the future")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"1999-12-31T23:59:59Z","type":"usage.data","payload":{"mb":1}}""", "occurredAt lies before 2000-01-01")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.teleport","payload":{}}""", "type 'usage.teleport' is not supported")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data"}""", "payload is required")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":-1}}""", "payload.mb must not be negative")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":"lots"}}""", "payload.mb must be a number")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":1,"roaming":"yes"}}""", "payload.roaming must be true or false")]
    [InlineData("""{"eventId":"x","customerId":"C 1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":1}}""", "customerId may hold only")]
    [InlineData("""{"eventId":"x","msisdn":"138-0000","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":1}}""", "msisdn must be 5 to 15 digits")]
    [InlineData("""{"eventId":"x","msisdn":"13800001234","occurredAt":"2026-11-23T07:00:00Z","type":"customer.registered","payload":{"name":"A","msisdn":"13800001234","region":"n","joinedOn":"2025-01-01"}}""", "customerId is required for customer.registered")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"customer.registered","payload":{"msisdn":"13800001234","region":"n","joinedOn":"2025-01-01"}}""", "payload.name is required")]
    [InlineData("""{"eventId":"x","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"customer.registered","payload":{"name":"A","msisdn":"13800001234","region":"n","joinedOn":"15/01/2025"}}""", "payload.joinedOn must be a date like 2024-03-01")]
    [InlineData("""[1,2]""", "an event must be a JSON object")]
    public void an_invalid_event_is_refused_naming_the_field(string json, string expected)
    {
        var result = Parse(json);
        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void a_refusal_keeps_the_event_id_when_there_is_one()
    {
        var result = Parse("""{"eventId":"keep-me","customerId":"C1","occurredAt":"2026-11-23T07:00:00Z","type":"usage.data","payload":{"mb":-3}}""");
        Assert.Equal("keep-me", result.EventId);
    }

    [Fact]
    public void a_clock_running_five_minutes_ahead_is_tolerated()
    {
        var json = DataUsage.Replace("2026-11-23T07:00:00+08:00", "2026-11-23T08:04:59Z");
        Assert.True(Parse(json).IsValid);
    }

    private static string Envelope(string type, string payload, string occurredAt = "2026-11-23T07:00:00Z") =>
        $$"""{"eventId":"x","customerId":"C1","occurredAt":"{{occurredAt}}","type":"{{type}}","payload":{{payload}}}""";

    // Records holding lists compare those by reference, so payloads are compared in their journal form.
    private static string Journal(EventPayload payload) => JsonSerializer.Serialize(payload, DomainJson.Options);

    private sealed record Example(string Type, string Payload, EventPayload Expected, string OccurredAt = "2026-11-23T07:00:00Z");

    private static readonly Dictionary<string, Example> Valid = new()
    {
        ["registration with group, interests and flags"] = new(EventTypes.CustomerRegistered,
            """{"name":"Li Wei","msisdn":"13800001234","region":"north","joinedOn":"2025-01-15","birthday":"1990-06-01","interests":["golf"," tea "],"groupId":"G-7","groupClass":"a","keyPerson":true,"familyDecisionMaker":true}""",
            new CustomerRegistered(new CustomerIdentity("Li Wei", "13800001234", "north", new DateOnly(2025, 1, 15), null, null, null,
                new DateOnly(1990, 6, 1), null, null, ["golf", "tea"], "G-7", GroupClass.A, KeyPerson: true, FamilyDecisionMaker: true))),
        ["update of some identity fields"] = new(EventTypes.CustomerUpdated,
            """{"region":"south","groupClass":"B","keyPerson":false,"interests":[],"unknown":1}""",
            new CustomerUpdated(null, null, "south", null, null, null, null, null, null, [], null, GroupClass.B, false, null)),
        ["voice call, extra fields ignored"] = new(EventTypes.UsageVoice,
            """{"seconds":120,"offNet":true,"roaming":true,"cell":"X9"}""", new VoiceUsed(120, true, false, true)),
        ["voice call to a competitor, whole number written as 60.0"] = new(EventTypes.UsageVoice,
            """{"seconds":60.0,"competitorServiceNumber":true}""", new VoiceUsed(60, false, true, false)),
        ["data record"] = new(EventTypes.UsageData, """{"mb":0}""", new DataUsed(0, false)),
        ["sms without a count"] = new(EventTypes.UsageSms, "{}", new SmsUsed(1)),
        ["sms with a count"] = new(EventTypes.UsageSms, """{"count":3}""", new SmsUsed(3)),
        ["bill of a past month"] = new(EventTypes.BillingClosed,
            """{"month":"2026-10","amount":388.5,"dueOn":"2026-11-20"}""", new BillClosed("2026-10", 388.5m, new DateOnly(2026, 11, 20))),
        ["bill of the month that began in UTC+8"] = new(EventTypes.BillingClosed,
            """{"month":"2026-11","amount":0}""", new BillClosed("2026-11", 0m, null), OccurredAt: "2026-10-31T16:30:00Z"),
        ["payment"] = new(EventTypes.BillingPayment, """{"amount":100,"method":"wechat"}""", new PaymentMade(100m, "wechat")),
        ["negative balance"] = new(EventTypes.Balance, """{"balance":-12.5}""", new BalanceReported(-12.5m)),
        ["product holding whole"] = new(EventTypes.ProductChanged,
            """{"planName":"5G 128","monthlyFee":128,"voiceMinutes":500,"dataMb":30720,"sms":100,"broadband":true,"virtualNetwork":true,"valueAddedServices":["ringtone"],"contractEnd":"2027-06-30","paymentMode":"postpaid","autoPay":true}""",
            new ProductChanged(new ProductHolding("5G 128", 128m, 500m, 30720m, 100, true, true, ["ringtone"], new DateOnly(2027, 6, 30), PaymentMode.Postpaid, true))),
        ["data-only prepaid product"] = new(EventTypes.ProductChanged,
            """{"planName":"Data SIM","monthlyFee":19.9,"dataMb":10240,"paymentMode":"Prepaid"}""",
            new ProductChanged(new ProductHolding("Data SIM", 19.9m, 0m, 10240m, 0, false, false, [], null, PaymentMode.Prepaid, false))),
        ["device with its date"] = new(EventTypes.DeviceChanged,
            """{"brand":"Huawei","model":"Mate 60","priceBand":"high","dualSim":true,"inUseSince":"2026-11-01"}""",
            new DeviceChanged(new DeviceInfo("Huawei", "Mate 60", PriceBand.High, true, new DateOnly(2026, 11, 1)))),
        ["device in use since the operator's date of the event"] = new(EventTypes.DeviceChanged,
            """{"brand":"Xiaomi","model":"14","priceBand":"mid"}""",
            new DeviceChanged(new DeviceInfo("Xiaomi", "14", PriceBand.Mid, false, new DateOnly(2026, 11, 23))), OccurredAt: "2026-11-22T17:00:00Z"),
        ["touchpoint with every field"] = new(EventTypes.Touchpoint,
            """{"channel":"phone-manager","kind":"complaint-resolved","storeId":"S01","staffId":"PM01","stage":"satisfaction","category":"personnel","score":4,"reference":"CMP-1","note":"refund given","discount":true}""",
            new TouchpointRecorded(TouchpointChannel.PhoneManager, TouchpointKind.ComplaintResolved, "S01", "PM01", FourSStage.Satisfaction,
                TouchpointCategory.Personnel, 4, "CMP-1", "refund given", true)),
        ["touchpoint with only channel and kind"] = new(EventTypes.Touchpoint, """{"channel":"store","kind":"walk-in"}""",
            new TouchpointRecorded(TouchpointChannel.Store, TouchpointKind.WalkIn, null, null, null, null, null, null, null, false)),
        ["port-out"] = new(EventTypes.AccountClosed, """{"portedOut":true}""", new AccountClosed(true)),
        ["account closed"] = new(EventTypes.AccountClosed, "{}", new AccountClosed(false)),
    };

    public static TheoryData<string> ValidExamples => [.. Valid.Keys];

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void a_valid_payload_parses_into_its_record(string example)
    {
        var (type, payload, expected, occurredAt) = Valid[example];
        var result = Parse(Envelope(type, payload, occurredAt));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected.GetType(), result.Event!.Payload.GetType());
        Assert.Equal(Journal(expected), Journal(result.Event.Payload));
    }

    [Fact]
    public void every_supported_type_has_a_payload_parser_with_an_example()
    {
        foreach (var type in EventTypes.Supported)
        {
            Assert.DoesNotContain("is not supported", Parse(Envelope(type, "{}")).Error ?? "");
            Assert.Contains(Valid.Values, e => e.Type == type);
        }
    }

    [Theory]
    [InlineData("store", "visit", TouchpointChannel.Store, TouchpointKind.Visit)]
    [InlineData("call-centre", "call", TouchpointChannel.CallCentre, TouchpointKind.Call)]
    [InlineData("app", "complaint", TouchpointChannel.App, TouchpointKind.Complaint)]
    [InlineData("account-manager-visit", "campaign-offered", TouchpointChannel.AccountManagerVisit, TouchpointKind.CampaignOffered)]
    [InlineData("Phone-Manager", "CAMPAIGN-ACCEPTED", TouchpointChannel.PhoneManager, TouchpointKind.CampaignAccepted)]
    [InlineData("store", "port-out-inquiry", TouchpointChannel.Store, TouchpointKind.PortOutInquiry)]
    [InlineData("app", "survey", TouchpointChannel.App, TouchpointKind.Survey)]
    public void touchpoint_enums_are_read_by_their_kebab_case_wire_names(string channel, string kind, TouchpointChannel c, TouchpointKind k)
    {
        var result = Parse(Envelope(EventTypes.Touchpoint, $$"""{"channel":"{{channel}}","kind":"{{kind}}"}"""));
        var t = Assert.IsType<TouchpointRecorded>(result.Event!.Payload);
        Assert.Equal((c, k), (t.Channel, t.Kind));
    }

    [Fact]
    public void a_parsed_payload_journals_and_replays_unchanged()
    {
        var parsed = Parse(Envelope(EventTypes.Touchpoint, """{"channel":"call-centre","kind":"port-out-inquiry","stage":"search","score":2}""")).Event!.Payload;
        var json = Journal(parsed);
        Assert.Contains("\"port-out-inquiry\"", json);
        Assert.Equal(parsed, JsonSerializer.Deserialize<EventPayload>(json, DomainJson.Options));
    }

    public static TheoryData<string, string, string> InvalidPayloads => new()
    {
        { EventTypes.UsageData, "[]", "payload must be an object" },
        { EventTypes.UsageData, """{"mb":10000001}""", "payload.mb must not exceed 10000000" },
        { EventTypes.CustomerRegistered, """{"name":"A","region":"n","joinedOn":"2025-01-01"}""", "payload.msisdn is required" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"interests\":\"golf\""), "payload.interests must be an array of strings" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"interests\":[\"golf\",7]"), "payload.interests[1] must be a string" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"interests\":[\" \"]"), "payload.interests[0] must not be empty" },
        { EventTypes.CustomerRegistered, RegistrationWith($"\"interests\":[\"{new string('x', 41)}\"]"), "payload.interests[0] is longer than 40 characters" },
        { EventTypes.CustomerRegistered, RegistrationWith($"\"interests\":[{string.Join(",", Enumerable.Repeat("\"x\"", 21))}]"), "payload.interests must not hold more than 20 items" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"groupClass\":\"D\""), "payload.groupClass must be one of a, b, c" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"groupId\":\"G 1\""), "payload.groupId may hold only" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"keyPerson\":\"yes\""), "payload.keyPerson must be true or false" },
        { EventTypes.CustomerRegistered, RegistrationWith("\"familyDecisionMaker\":1"), "payload.familyDecisionMaker must be true or false" },
        { EventTypes.CustomerUpdated, "{}", "payload must change at least one field" },
        { EventTypes.CustomerUpdated, """{"nmae":"Li","name":null}""", "payload must change at least one field" },
        { EventTypes.CustomerUpdated, """{"msisdn":"12"}""", "payload.msisdn must be 5 to 15 digits" },
        { EventTypes.CustomerUpdated, """{"birthday":"1990-13-01"}""", "payload.birthday must be a date like" },
        { EventTypes.CustomerUpdated, """{"groupClass":"AA"}""", "payload.groupClass must be one of" },
        { EventTypes.CustomerUpdated, """{"name":""}""", "payload.name must not be empty" },
        { EventTypes.UsageVoice, "{}", "payload.seconds is required" },
        { EventTypes.UsageVoice, """{"seconds":"60"}""", "payload.seconds must be a number" },
        { EventTypes.UsageVoice, """{"seconds":1.5}""", "payload.seconds must be a whole number" },
        { EventTypes.UsageVoice, """{"seconds":-1}""", "payload.seconds must not be negative" },
        { EventTypes.UsageVoice, """{"seconds":86401}""", "payload.seconds must not exceed 86400" },
        { EventTypes.UsageVoice, """{"seconds":1e12}""", "payload.seconds must not exceed 86400" },
        { EventTypes.UsageVoice, """{"seconds":60,"offNet":1}""", "payload.offNet must be true or false" },
        { EventTypes.UsageVoice, """{"seconds":60,"competitorServiceNumber":"true"}""", "payload.competitorServiceNumber must be true or false" },
        { EventTypes.UsageVoice, """{"seconds":60,"roaming":"no"}""", "payload.roaming must be true or false" },
        { EventTypes.UsageSms, """{"count":0}""", "payload.count must be at least 1" },
        { EventTypes.UsageSms, """{"count":10001}""", "payload.count must not exceed 10000" },
        { EventTypes.UsageSms, """{"count":2.5}""", "payload.count must be a whole number" },
        { EventTypes.BillingClosed, """{"amount":1}""", "payload.month is required" },
        { EventTypes.BillingClosed, """{"month":"2026/10","amount":1}""", "payload.month must be a month like 2026-10" },
        { EventTypes.BillingClosed, """{"month":"2026-13","amount":1}""", "payload.month must be a month like 2026-10" },
        { EventTypes.BillingClosed, """{"month":"2026-1","amount":1}""", "payload.month must be a month like 2026-10" },
        { EventTypes.BillingClosed, """{"month":"2026-10-01","amount":1}""", "payload.month must be a month like 2026-10" },
        { EventTypes.BillingClosed, """{"month":202610,"amount":1}""", "payload.month must be a string" },
        { EventTypes.BillingClosed, """{"month":"2026-12","amount":1}""", "payload.month must not be after 2026-11, the month of occurredAt" },
        { EventTypes.BillingClosed, """{"month":"2026-10"}""", "payload.amount is required" },
        { EventTypes.BillingClosed, """{"month":"2026-10","amount":-0.01}""", "payload.amount must not be negative" },
        { EventTypes.BillingClosed, """{"month":"2026-10","amount":10000000.01}""", "payload.amount must not exceed 10000000" },
        { EventTypes.BillingClosed, """{"month":"2026-10","amount":1,"dueOn":"soon"}""", "payload.dueOn must be a date like" },
        { EventTypes.BillingPayment, "{}", "payload.amount is required" },
        { EventTypes.BillingPayment, """{"amount":0}""", "payload.amount must be greater than 0" },
        { EventTypes.BillingPayment, """{"amount":"100"}""", "payload.amount must be a number" },
        { EventTypes.BillingPayment, """{"amount":10,"method":5}""", "payload.method must be a string" },
        { EventTypes.Balance, "{}", "payload.balance is required" },
        { EventTypes.Balance, """{"balance":true}""", "payload.balance must be a number" },
        { EventTypes.Balance, """{"balance":-10000000.5}""", "payload.balance must be at least -10000000" },
        { EventTypes.Balance, """{"balance":10000001}""", "payload.balance must not exceed 10000000" },
        { EventTypes.ProductChanged, """{"monthlyFee":1,"paymentMode":"prepaid"}""", "payload.planName is required" },
        { EventTypes.ProductChanged, """{"planName":"P","paymentMode":"prepaid"}""", "payload.monthlyFee is required" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1}""", "payload.paymentMode is required" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"paymentMode":"credit"}""", "payload.paymentMode must be one of postpaid, prepaid" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":-5,"paymentMode":"prepaid"}""", "payload.monthlyFee must not be negative" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"voiceMinutes":"500","paymentMode":"prepaid"}""", "payload.voiceMinutes must be a number" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"dataMb":-1,"paymentMode":"prepaid"}""", "payload.dataMb must not be negative" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"sms":1.5,"paymentMode":"prepaid"}""", "payload.sms must be a whole number" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"broadband":"yes","paymentMode":"prepaid"}""", "payload.broadband must be true or false" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"valueAddedServices":"ringtone","paymentMode":"prepaid"}""", "payload.valueAddedServices must be an array of strings" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"contractEnd":"2027-02-30","paymentMode":"prepaid"}""", "payload.contractEnd must be a date like" },
        { EventTypes.ProductChanged, """{"planName":"P","monthlyFee":1,"paymentMode":"prepaid","autoPay":0}""", "payload.autoPay must be true or false" },
        { EventTypes.DeviceChanged, """{"model":"14","priceBand":"mid"}""", "payload.brand is required" },
        { EventTypes.DeviceChanged, """{"brand":"Xiaomi","priceBand":"mid"}""", "payload.model is required" },
        { EventTypes.DeviceChanged, """{"brand":"Xiaomi","model":"14"}""", "payload.priceBand is required" },
        { EventTypes.DeviceChanged, """{"brand":"Xiaomi","model":"14","priceBand":"cheap"}""", "payload.priceBand must be one of entry, mid, high, premium" },
        { EventTypes.DeviceChanged, """{"brand":"Xiaomi","model":"14","priceBand":"mid","dualSim":"2"}""", "payload.dualSim must be true or false" },
        { EventTypes.DeviceChanged, """{"brand":"Xiaomi","model":"14","priceBand":"mid","inUseSince":"2026-11"}""", "payload.inUseSince must be a date like" },
        { EventTypes.Touchpoint, """{"kind":"visit"}""", "payload.channel is required" },
        { EventTypes.Touchpoint, """{"channel":"store"}""", "payload.kind is required" },
        { EventTypes.Touchpoint, """{"channel":"email","kind":"visit"}""", "payload.channel must be one of store, phone-manager, call-centre, app, account-manager-visit" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"walkin"}""", "payload.kind must be one of visit, walk-in, call, complaint, complaint-resolved, campaign-offered, campaign-accepted, port-out-inquiry, survey, note" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"WalkIn"}""", "payload.kind must be one of" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":1}""", "payload.kind must be a string" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","storeId":"S 1"}""", "payload.storeId may hold only" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","staffId":"a/b"}""", "payload.staffId may hold only" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","stage":"sale"}""", "payload.stage must be one of search, site, shopping, satisfaction" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","category":"price"}""", "payload.category must be one of communication, channel, personnel, brand" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","score":0}""", "payload.score must be at least 1" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","score":6}""", "payload.score must not exceed 5" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"visit","score":4.5}""", "payload.score must be a whole number" },
        { EventTypes.Touchpoint, $$"""{"channel":"store","kind":"visit","reference":"{{new string('r', 65)}}"}""", "payload.reference is longer than 64 characters" },
        { EventTypes.Touchpoint, $$"""{"channel":"store","kind":"visit","note":"{{new string('n', 501)}}"}""", "payload.note is longer than 500 characters" },
        { EventTypes.Touchpoint, """{"channel":"store","kind":"campaign-accepted","discount":"yes"}""", "payload.discount must be true or false" },
        { EventTypes.AccountClosed, """{"portedOut":"yes"}""", "payload.portedOut must be true or false" },
    };

    private static string RegistrationWith(string extra) =>
        $$"""{"name":"A","msisdn":"13800001234","region":"n","joinedOn":"2025-01-01",{{extra}}}""";

    [Theory]
    [MemberData(nameof(InvalidPayloads))]
    public void an_invalid_payload_is_refused_naming_the_field(string type, string payload, string expected)
    {
        var result = Parse(Envelope(type, payload));
        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("2026-10-31T16:00:00Z", true)]
    [InlineData("2026-10-31T15:59:59Z", false)]
    [InlineData("2026-10-31T23:30:00+08:00", false)]
    public void a_bill_may_close_the_month_of_occurred_at_in_operator_time(string occurredAt, bool valid)
    {
        var result = Parse(Envelope(EventTypes.BillingClosed, """{"month":"2026-11","amount":1}""", occurredAt));
        Assert.Equal(valid, result.IsValid);
    }
}
