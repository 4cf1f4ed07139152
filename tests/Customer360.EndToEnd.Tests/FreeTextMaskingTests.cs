using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Free text written by staff or systems — a touchpoint note, a manual tag, a work order's notes and outcome, a
/// complaint's reference and event id — holding a full phone number and ID number, over real HTTP and SignalR: store staff get it with the numbers masked, or
/// not at all, in every answer and push they receive; the account manager gets it in full.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FreeTextMaskingTests(SystemFixture system)
{
    private const string Phone = "13700137000";
    private const string IdNumber = "11010519491231002X";
    private const string Note = $"call her husband on {Phone}, ID {IdNumber}";
    private const string MaskedNote = "call her husband on 137****7000, ID 110***********002X";

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task notes_holding_phone_and_id_numbers_reach_store_staff_masked_everywhere_and_the_account_manager_in_full()
    {
        await Feed.PostAsync(system.Http, Registered("FM1", "fm1-reg", msisdn: "13912347001", name: "Qian Li"),
            // A producer's complaint whose event id holds a phone number and whose reference an ID number (the
            // complaint alert's reason quotes the reference).
            new JsonObject
            {
                ["eventId"] = $"hotline-{Phone}-1", ["customerId"] = "FM1", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"), ["type"] = "touchpoint",
                ["payload"] = new JsonObject { ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = $"ID {IdNumber}" },
            });
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        using var pm = await system.Gateway.CreateSignedInClientAsync("pm01");
        using var store = await system.Gateway.CreateSignedInClientAsync("store01");
        await using var counter = await TestConsole.ConnectAsync(system.Gateway, "store01");
        await counter.SubscribeAsync("store:S01");

        // The account manager writes a note and a tag, the phone manager dispatches to the store, all with numbers.
        await OkAsync(am.PostAsJsonAsync("/api/v1/customers/FM1/touchpoints", new { channel = "account-manager-visit", kind = "note", note = Note }));
        await OkAsync(am.PostAsJsonAsync("/api/v1/customers/FM1/tags", new { tag = $"husband {Phone}" }));
        var order = await OkAsync(pm.PostAsJsonAsync("/api/v1/work-orders", new
        {
            customerId = "FM1",
            addressee = new { kind = "store", id = "S01" },
            kind = "sim",
            dueAt = DateTimeOffset.UtcNow.AddHours(4).ToString("O"),
            notes = Note,
        }), HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;

        // Everything store staff get: the walk-in card, profile, timeline, lists, the order and its inbox, the
        // snapshots of their topics and the pushes.
        var seen = new List<(string Where, string Json)>();
        var card = await OkAsync(store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13912347001" }));
        seen.Add(("walk-in card", card.GetRawText()));
        seen.Add(("walk-in push", (await counter.NextAsync("walkIn", "store:S01", m => m.GetProperty("customerId").GetString() == "FM1")).GetRawText()));
        var profile = await OkAsync(store.GetAsync("/api/v1/customers/FM1"));
        seen.Add(("profile", profile.GetRawText()));
        seen.Add(("profile by msisdn", (await OkAsync(store.GetAsync("/api/v1/customers/by-msisdn/13912347001"))).GetRawText()));
        var timeline = await OkAsync(store.GetAsync("/api/v1/customers/FM1/timeline"));
        seen.Add(("timeline", timeline.GetRawText()));
        seen.Add(("walk-ins", (await OkAsync(store.GetAsync("/api/v1/stores/S01/walk-ins"))).GetRawText()));
        seen.Add(("search", (await OkAsync(store.GetAsync("/api/v1/customers?q=FM1"))).GetRawText()));
        var inbox = await OkAsync(store.GetAsync("/api/v1/work-orders"));
        seen.Add(("inbox", inbox.GetRawText()));
        seen.Add(("order", (await OkAsync(store.GetAsync($"/api/v1/work-orders/{orderId}"))).GetRawText()));
        seen.Add(("inbox snapshot", (await counter.SubscribeAsync("workorders:store:S01")).GetRawText()));
        seen.Add(("profile snapshot", (await counter.SubscribeAsync("customer:FM1")).GetRawText()));
        seen.Add(("accept", (await OkAsync(store.PostAsync($"/api/v1/work-orders/{orderId}/accept", null))).GetRawText()));
        seen.Add(("complete", (await OkAsync(store.PostAsJsonAsync($"/api/v1/work-orders/{orderId}/complete", new { outcome = $"new SIM, told {Phone}" }))).GetRawText()));
        seen.Add(("work-order push", (await counter.NextAsync("workOrderChanged", "workorders:store:S01")).GetRawText()));
        await OkAsync(am.PostAsJsonAsync("/api/v1/customers/FM1/touchpoints", new { channel = "account-manager-visit", kind = "note", note = Note }));
        seen.Add(("profile push", (await counter.NextAsync("profileChanged", "customer:FM1")).GetRawText()));

        foreach (var (where, json) in seen)
            Assert.False(json.Contains(Phone) || json.Contains(IdNumber), $"the {where} gave store staff a full number: {json}");
        // The words stay where the store needs them, numbers masked: the order's notes and outcome, the tag.
        Assert.Contains(inbox.GetProperty("workOrders").EnumerateArray(), o => o.GetProperty("notes").GetString() == MaskedNote);
        Assert.Contains(card.GetProperty("workOrders").EnumerateArray(), o => o.GetProperty("notes").GetString() == MaskedNote);
        Assert.Contains(card.GetProperty("derived").GetProperty("tags").EnumerateArray(), t => t.GetProperty("code").GetString() == "husband 137****7000");
        Assert.Contains("new SIM, told 137****7000", seen.Single(s => s.Where == "complete").Json);
        // Touchpoint notes are not theirs at all, in the profile or the timeline.
        Assert.All(profile.GetProperty("recentTouchpoints").EnumerateArray(), t => Assert.False(t.TryGetProperty("note", out _)));
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("type").GetString() == "touchpoint" && !e.GetProperty("payload").TryGetProperty("note", out _));

        // The account manager reads it all as written.
        var full = (await OkAsync(am.GetAsync("/api/v1/customers/FM1"))).GetRawText();
        Assert.Contains(Note, full);
        Assert.Contains($"husband {Phone}", full);
        var fullTimeline = (await OkAsync(am.GetAsync("/api/v1/customers/FM1/timeline"))).GetRawText();
        Assert.Contains(Note, fullTimeline);
        Assert.Contains($"hotline-{Phone}-1", fullTimeline);
        Assert.Contains(IdNumber, full);
    }
}
