using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Producers as they behave in production, and the books on what they were told. Several post batches of usage
/// events (voice seconds, data MB, SMS; every event id fresh) at once; a producer whose request fails — a 503,
/// a broken connection, a timeout — sends the same batch again until it gets 200, and only then moves on. Every
/// event of a 200 answer is acknowledged: the books say what each profile must show and which ids the journal
/// must hold, once each.
/// </summary>
internal sealed class UsageFeed(HttpClient http, string prefix, int customers)
{
    private const int BatchSize = 10;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan RetryWithoutHint = TimeSpan.FromMilliseconds(500);
    // A steady feed rather than a flood: the point is what happens to acknowledged events, not throughput.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Totals> _acknowledged = [];
    private readonly HashSet<string> _acknowledgedIds = new(StringComparer.Ordinal);
    private readonly List<Answer> _answers = [];
    private readonly List<Failure> _failures = [];
    private readonly List<string> _anomalies = [];
    private long _acceptedEvents;

    /// <summary>A 200 answer to one attempt.</summary>
    public sealed record Answer(DateTimeOffset SentAt, DateTimeOffset AnsweredAt, int Accepted, int Duplicates);

    /// <summary>An attempt that got no 200: its status (none for a connection error or timeout) and Retry-After.</summary>
    public sealed record Failure(DateTimeOffset SentAt, HttpStatusCode? Status, TimeSpan? RetryAfter, string What);

    private sealed record Sent(string Id, string CustomerId, JsonObject Json, decimal DataMb, int VoiceSeconds, int Sms);

    private sealed class Totals
    {
        public decimal DataMb;
        public int VoiceSeconds;
        public int Sms;
    }

    /// <summary>Starts every customer id and event id of this feed.</summary>
    public string Prefix => prefix;

    public IReadOnlyList<string> CustomerIds { get; } = [.. Enumerable.Range(1, customers).Select(i => $"{prefix}-{i:00}")];

    /// <summary>The sum of <c>accepted</c> over every 200 answer so far.</summary>
    public long AcceptedEvents => Interlocked.Read(ref _acceptedEvents);

    public IReadOnlyList<Answer> Answers { get { lock (_gate) return [.. _answers]; } }

    public IReadOnlyList<Failure> Failures { get { lock (_gate) return [.. _failures]; } }

    /// <summary>Waits until 200 answers have accepted <paramref name="atLeast"/> events in all; a timeout shows the last failure.</summary>
    public Task WaitUntilAcceptedAsync(long atLeast, TimeSpan timeout, string what) =>
        Eventually.GetAsync(() => Task.FromResult(Progress()), p => p.Accepted >= atLeast, timeout, what);

    private FeedProgress Progress()
    {
        lock (_gate) return new FeedProgress(AcceptedEvents, _failures.Count, _failures.LastOrDefault()?.What);
    }

    private sealed record FeedProgress(long Accepted, int FailedAttempts, string? LastFailure);

    /// <summary>Registers every customer of the feed (one batch, sent until acknowledged).</summary>
    public Task RegisterAsync()
    {
        var number = Random.Shared.Next(10_000_000, 99_999_999);
        return SendUntilAcknowledgedAsync([.. CustomerIds.Select((id, i) =>
            new Sent($"{id}-reg", id, Registered(id, $"{id}-reg", msisdn: $"139{number + i}"), 0, 0, 0))]);
    }

    /// <summary>
    /// Runs <paramref name="producers"/> producers until <paramref name="stop"/>; each then finishes the batch it
    /// holds (until 200), so nothing that reached the store is left unacknowledged.
    /// </summary>
    public Task RunAsync(int producers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() => ProduceAsync(p, stop))));

    private async Task ProduceAsync(int producer, CancellationToken stop)
    {
        var random = new Random(producer);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var batch = Enumerable.Range(0, BatchSize).Select(i => NextEvent($"{prefix}-p{producer}-b{n}-{i}", random)).ToList();
            await SendUntilAcknowledgedAsync(batch);
            await Task.Delay(Pace);
        }
    }

    // Data in tenths of a MB and voice in multiples of 6 s (a tenth of a minute): every total is exact in decimal.
    private Sent NextEvent(string id, Random random)
    {
        var customer = CustomerIds[random.Next(CustomerIds.Count)];
        switch (random.Next(3))
        {
            case 0:
                var mb = random.Next(1, 5000) / 10m;
                return new Sent(id, customer, Data(customer, id, mb), mb, 0, 0);
            case 1:
                var seconds = random.Next(1, 300) * 6;
                return new Sent(id, customer, Voice(customer, id, seconds), 0, seconds, 0);
            default:
                var count = random.Next(1, 5);
                return new Sent(id, customer, Sms(customer, id, count), 0, 0, count);
        }
    }

    private async Task SendUntilAcknowledgedAsync(IReadOnlyList<Sent> batch)
    {
        var body = new JsonArray([.. batch.Select(e => (JsonNode)e.Json)]).ToJsonString();
        var giveUp = DateTimeOffset.UtcNow + GiveUpAfter;
        for (var attempt = 1; ; attempt++)
        {
            var sentAt = DateTimeOffset.UtcNow;
            Failure failure;
            try
            {
                using var timeout = new CancellationTokenSource(AttemptTimeout);
                using var response = await http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Acknowledge(batch, sentAt, await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token));
                    return;
                }
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                failure = new Failure(sentAt, response.StatusCode, response.Headers.RetryAfter?.Delta, $"{(int)response.StatusCode}: {text}");
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                failure = new Failure(sentAt, null, null, $"{ex.GetType().Name}: {ex.Message}");
            }
            lock (_gate) _failures.Add(failure);
            if (DateTimeOffset.UtcNow > giveUp)
                throw new TimeoutException($"a producer gave up on batch {batch[0].Id} after {attempt} attempts; last: {failure.What}");
            await Task.Delay(failure.RetryAfter ?? RetryWithoutHint);
        }
    }

    private void Acknowledge(IReadOnlyList<Sent> batch, DateTimeOffset sentAt, JsonElement answer)
    {
        var accepted = answer.GetProperty("accepted").GetInt32();
        var duplicates = answer.GetProperty("duplicates").GetInt32();
        var rejected = answer.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("eventId").GetString()).ToHashSet();
        lock (_gate)
        {
            if (rejected.Count > 0) _anomalies.Add($"batch {batch[0].Id}: rejected {answer.GetProperty("rejected")}");
            if (accepted + duplicates + rejected.Count != batch.Count)
                _anomalies.Add($"batch {batch[0].Id} of {batch.Count} events answered {answer}");
            foreach (var e in batch.Where(e => !rejected.Contains(e.Id)))
            {
                _acknowledgedIds.Add(e.Id);
                if (!_acknowledged.TryGetValue(e.CustomerId, out var totals)) _acknowledged[e.CustomerId] = totals = new Totals();
                totals.DataMb += e.DataMb;
                totals.VoiceSeconds += e.VoiceSeconds;
                totals.Sms += e.Sms;
            }
            _answers.Add(new Answer(sentAt, DateTimeOffset.UtcNow, accepted, duplicates));
        }
        Interlocked.Add(ref _acceptedEvents, accepted);
    }

    /// <summary>
    /// Every acknowledged event is in the journal exactly once, nothing else of these customers is, and each
    /// profile's usage (this month and the months before) equals the acknowledged usage, read through the API.
    /// </summary>
    public async Task AssertEveryAcknowledgedEventCountedOnceAsync(HttpClient reader, string connectionString)
    {
        HashSet<string> acknowledged;
        Dictionary<string, Totals> totals;
        lock (_gate)
        {
            Assert.True(_anomalies.Count == 0, "unexpected answers:\n" + string.Join('\n', _anomalies));
            acknowledged = [.. _acknowledgedIds];
            totals = _acknowledged.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        var journaled = new List<string>();
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select event_id from c360_journal where customer_id like @customers", conn);
            cmd.Parameters.AddWithValue("customers", prefix + "-%");
            await using var rows = await cmd.ExecuteReaderAsync();
            while (await rows.ReadAsync()) journaled.Add(rows.GetString(0));
        }
        var repeated = journaled.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(repeated.Count == 0, $"event ids journaled more than once: {string.Join(", ", repeated.Take(10))}");
        var lost = acknowledged.Except(journaled).Order().ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged events are not in the journal: {string.Join(", ", lost.Take(10))}");
        var unacknowledged = journaled.Except(acknowledged).Order().ToList();
        Assert.True(unacknowledged.Count == 0, $"{unacknowledged.Count} journaled events were never acknowledged: {string.Join(", ", unacknowledged.Take(10))}");

        var wrong = new List<string>();
        foreach (var customer in CustomerIds)
        {
            var expected = totals.GetValueOrDefault(customer) ?? new Totals();
            using var response = await reader.GetAsync($"/api/v1/customers/{customer}");
            Assert.True(response.IsSuccessStatusCode, $"GET {customer}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var usage = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("usage");
            var months = usage.GetProperty("history").EnumerateArray().Append(usage).ToList();
            var shown = (DataMb: months.Sum(m => m.GetProperty("dataMb").GetDecimal()),
                VoiceMinutes: months.Sum(m => m.GetProperty("voiceMinutes").GetDecimal()),
                Sms: months.Sum(m => m.GetProperty("sms").GetInt32()));
            var want = (expected.DataMb, VoiceMinutes: expected.VoiceSeconds / 60m, expected.Sms);
            if (shown != want) wrong.Add($"{customer}: profile shows {shown}, acknowledged {want}");
        }
        Assert.True(wrong.Count == 0, "profiles differ from the acknowledged usage:\n" + string.Join('\n', wrong));
    }
}
