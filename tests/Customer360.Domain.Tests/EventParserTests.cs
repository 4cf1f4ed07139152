using System.Text.Json;
using Customer360.Domain.Events;

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
}
