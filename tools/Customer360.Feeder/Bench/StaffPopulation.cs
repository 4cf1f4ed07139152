using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Step (g)'s staff-lane customers, their own (the feed never sends them an event): synthetic customers moved
/// to region north, store S01, phone manager PM01 and account manager AM01, so that the demo users store01, pm01
/// and am01 may act on them, each with open complaints (DOMAIN.md: "complaint — complaint open"), one complaint
/// alert each, owned by the phone manager, for the acknowledgements to take.
/// </summary>
public sealed class StaffPopulation
{
    private readonly ConcurrentQueue<string>[] _openAlerts;

    private StaffPopulation(long first, int count, ConcurrentQueue<string>[] openAlerts) =>
        (First, Count, _openAlerts) = (first, count, openAlerts);

    public long First { get; }

    public int Count { get; }

    /// <summary>Open complaint alerts not yet acknowledged, over all customers.</summary>
    public int OpenAlerts => _openAlerts.Sum(q => q.Count);

    public string CustomerId(int index) => SyntheticPopulation.CustomerId(First + index);

    public string Msisdn(int index) => SyntheticPopulation.Msisdn(First + index);

    /// <summary>The next open alert of customer <paramref name="index"/>, or null when all are acknowledged.</summary>
    public string? TakeAlert(int index) => _openAlerts[index].TryDequeue(out var id) ? id : null;

    /// <summary>
    /// Registers <paramref name="count"/> customers from <paramref name="first"/>, each with
    /// <paramref name="complaints"/> open complaints, and reads their open complaint alerts as the admin sees them.
    /// </summary>
    public static async Task<StaffPopulation> RegisterAsync(IngestClient ingest, StaffClient admin, long first, int count, int complaints,
        CancellationToken ct)
    {
        var population = new SyntheticPopulation((int)(first + count));
        var builder = new NdjsonBuilder();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            var id = SyntheticPopulation.CustomerId(n);
            population.Write(builder, n, now);
            var w = builder.Begin($"staff-move-{id}", id, "customer.updated", now);
            w.WriteString("region", GatewaySignIn.StoreRegion);
            w.WriteString("homeStoreId", GatewaySignIn.StoreId);
            w.WriteString("phoneManagerId", GatewaySignIn.PhoneManagerId);
            w.WriteString("accountManagerId", GatewaySignIn.AccountManagerId);
            builder.End();
            for (var k = 0; k < complaints; k++)
            {
                w = builder.Begin($"staff-complaint-{id}-{k}", id, "touchpoint", now);
                w.WriteString("channel", "call-centre");
                w.WriteString("kind", "complaint");
                w.WriteString("reference", string.Create(CultureInfo.InvariantCulture, $"B{n}-{k}"));
                builder.End();
            }
        }
        var events = builder.Count;
        var accepted = await ingest.PostAsync(builder.Take(), ct, ct);
        if (accepted != events) throw new InvalidOperationException($"registering the staff-lane customers: {accepted:N0} of {events:N0} events accepted");

        // The gateway answers once the events are applied, so the alerts are there to read.
        var queues = new ConcurrentQueue<string>[count];
        for (var i = 0; i < count; i++)
        {
            var (_, profile) = await admin.GetAsync($"/api/v1/customers/{SyntheticPopulation.CustomerId(first + i)}", ct);
            queues[i] = new ConcurrentQueue<string>(OpenComplaintAlerts(profile));
        }
        return new StaffPopulation(first, count, queues);
    }

    private static IEnumerable<string> OpenComplaintAlerts(JsonElement profile) =>
        profile.TryGetProperty("derived", out var derived) && derived.TryGetProperty("alerts", out var alerts)
            ? alerts.EnumerateArray()
                .Where(a => a.GetProperty("kind").GetString() == "complaint" && a.GetProperty("state").GetString() == "open")
                .Select(a => a.GetProperty("id").GetString()!)
                .ToList()
            : [];
}
