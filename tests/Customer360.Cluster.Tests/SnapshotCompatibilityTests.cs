using Customer360.Domain.Events;
using Customer360.Grains.Customers;
using Customer360.Grains.Storage;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Snapshots written before <see cref="CustomerSnapshot.Held"/> could be null (every snapshot then held
/// <c>"held": []</c>) still load, and a snapshot with nothing held no longer writes the key.
/// </summary>
public sealed class SnapshotCompatibilityTests
{
    // As main wrote it on 2026-12-03 (JsonGrainStorageSerializer, DomainJson.Options): a registered customer, nothing held.
    private const string Written = """
        {"profile":{"customerId":"C0000001","version":2,"identity":{"name":"Li Wei","msisdn":"13800001234","region":"north",
        "joinedOn":"2024-01-15","homeStoreId":"S01","accountManagerId":"AM01","phoneManagerId":"PM01","keyPerson":false,
        "familyDecisionMaker":false},"deviceHistory":[],"usage":{},"competitorServiceCalls":[],"billing":{"billedByMonth":{},
        "balance":0,"outstanding":0,"payments":[]},"touchpoints":[],"openComplaints":[],"discountCampaignsAccepted":0,
        "workOrders":[],"derived":{"tier":{"tier":"mass","stars":1,"card":"none","reason":{"code":"tier.mass","args":{"a3":"0"}},
        "since":"2026-11-23T08:00:00+00:00"},"tierHistory":[],"inMidHighBase":false,"tags":[],"alerts":[],"actions":[],
        "satisfactionIndex":100,"rulesVersion":1},"updatedAt":"2026-11-23T08:00:00+00:00"},"journalSeq":2,"held":[],"erased":false}
        """;

    // The same, with a usage event held while the customer was not registered yet.
    private const string WrittenHolding = """
        {"journalSeq":1,"held":[{"eventId":"E1","customerId":"C0000002","occurredAt":"2026-11-20T08:00:00+00:00",
        "payload":{"type":"usage.data","mb":12.5,"roaming":false}}],"erased":false}
        """;

    private static readonly JsonGrainStorageSerializer Serializer = new();

    [Fact]
    public void a_snapshot_written_with_an_empty_held_list_loads_and_is_written_back_without_it()
    {
        var snapshot = Serializer.Deserialize<CustomerSnapshot>(BinaryData.FromString(Written));

        Assert.Equal(("C0000001", 2L, 2L), (snapshot.Profile!.CustomerId, snapshot.Profile.Version, snapshot.JournalSeq));
        Assert.Equal("tier.mass", snapshot.Profile.Derived.Tier!.Reason.Code);
        Assert.Empty(snapshot.Held ?? []);
        snapshot.Held = null;
        var again = Serializer.Serialize(snapshot).ToString();
        Assert.DoesNotContain("\"held\"", again);
        Assert.Equal(2L, Serializer.Deserialize<CustomerSnapshot>(BinaryData.FromString(again)).Profile!.Version);
    }

    [Fact]
    public void held_events_in_a_snapshot_still_load_and_are_written_back()
    {
        var snapshot = Serializer.Deserialize<CustomerSnapshot>(BinaryData.FromString(WrittenHolding));

        var held = Assert.Single(snapshot.Held!);
        Assert.Equal(("E1", 12.5m), (held.EventId, Assert.IsType<DataUsed>(held.Payload).Mb));
        var again = Serializer.Deserialize<CustomerSnapshot>(Serializer.Serialize(snapshot));
        Assert.Equal("E1", Assert.Single(again.Held!).EventId);
    }
}
