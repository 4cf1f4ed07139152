using System.Diagnostics;
using System.Globalization;
using Customer360.Feeder.Commands;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Step (h), search and lists with the read model as (e) left it: each kind of request (search by exact id, by
/// phone number, by name prefix, by tier, stage, tag and region, as the admin, an account manager and a
/// supervisor; the portfolio; the alert queue) sent one after another, the next as soon as the last is answered,
/// first with no feed running, then during a usage load at 80% of (a).
/// </summary>
public static class SearchBench
{
    /// <summary>A kind stops at --search-requests or after this long, whichever comes first, so that a slow kind cannot stretch the run.</summary>
    public static readonly TimeSpan KindBudget = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    private static readonly string[] Tiers = ["mass", "mid-high", "group-mid-high", "strategic"];
    private static readonly string[] Stages = ["exploring", "forming", "stable", "declining", "churned"];
    private static readonly string[] Tags = ["data-heavy", "dual-sim", "device-upgrade-candidate", "no-broadband", "family-decision-maker", "new-customer"];

    /// <summary>One kind of request: what it is, who sends it, and its i-th path.</summary>
    public sealed record Kind(string Path, string User, Func<int, string> PathOf);

    /// <summary>Customers in the read model this step searches, by the run's own count: the load's, (e)'s and the probes'.</summary>
    public static long Population(BenchReport report, BenchSettings settings) =>
        settings.Customers + (report.MemoryPopulation?.Accepted ?? 0) / SyntheticPopulation.EventsPerCustomer;

    public static IReadOnlyList<Kind> Kinds(long population)
    {
        // Customers spread over the whole population (a stride prime to any population size of note).
        string Customer(int i) => SyntheticPopulation.CustomerId(1 + (long)i * 7_919 % population);
        string Phone(int i) => SyntheticPopulation.Msisdn(1 + (long)i * 7_919 % population);
        // Real prefixes of the generated names ("Wang Wei"): a surname, or a surname and the given name's first letter.
        string Prefix(int i) => i % 2 == 0
            ? Catalog.Surnames[i / 2 % Catalog.Surnames.Length]
            : $"{Catalog.Surnames[i / 2 % Catalog.Surnames.Length]} {Catalog.GivenNames[i / 2 % Catalog.GivenNames.Length][0]}";
        var kinds = new List<Kind>();
        foreach (var user in new[] { GatewaySignIn.Admin, GatewaySignIn.AccountManager, GatewaySignIn.Supervisor })
        {
            kinds.Add(new("q = exact id", user, i => $"/api/v1/customers?q={Customer(i)}"));
            kinds.Add(new("q = msisdn", user, i => $"/api/v1/customers?q={Phone(i)}"));
            kinds.Add(new("q = name prefix", user, i => $"/api/v1/customers?q={Uri.EscapeDataString(Prefix(i))}"));
            kinds.Add(new("tier", user, i => $"/api/v1/customers?tier={Tiers[i % Tiers.Length]}"));
            kinds.Add(new("stage", user, i => $"/api/v1/customers?stage={Stages[i % Stages.Length]}"));
            kinds.Add(new("tag", user, i => $"/api/v1/customers?tag={Tags[i % Tags.Length]}"));
            // A supervisor sees one region; the others ask for every region in turn.
            kinds.Add(new("region", user, i => $"/api/v1/customers?region={(user == GatewaySignIn.Supervisor ? GatewaySignIn.StoreRegion : Catalog.Regions[i % Catalog.Regions.Length])}"));
        }
        kinds.Add(new("portfolio", GatewaySignIn.AccountManager, _ => "/api/v1/portfolio"));
        kinds.Add(new("alert queue", GatewaySignIn.PhoneManager, _ => "/api/v1/alert-queue"));
        return kinds;
    }

    public static async Task MeasureAsync(BenchReport report, BenchSettings settings, string apiKey, Signals signals)
    {
        if (settings.SearchRequests == 0) throw new InvalidOperationException("skipped (--search-requests 0)");
        var rate = report.PartLoadRate ?? throw new InvalidOperationException("needs the sustained rate of (a), which was not measured");
        var ct = signals.Abort;
        var kinds = Kinds(Population(report, settings));
        var clients = new Dictionary<string, StaffClient>();
        try
        {
            foreach (var user in kinds.Select(k => k.User).Distinct())
                clients[user] = await StaffClient.SignInAsync(settings.Gateway, user, 1, ct);
            Console.Error.WriteLine($"(h) search: {kinds.Count} kinds, idle");
            report.SearchIdle = await RunAsync(kinds, clients, settings.SearchRequests, signals);
            if (signals.Stop.IsCancellationRequested) return;

            using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop);
            var load = BenchCommand.Gateway(settings, apiKey, (client, stats) => LoadCommand.LoadAsync(client, stats,
                new LoadCommand.Settings(1, settings.Customers, rate, null, settings.Batch, settings.Concurrency), signals with { Stop = loadStop.Token }, "(h) search load"));
            try
            {
                await Task.Delay(Warmup, signals.Stop).ContinueWith(_ => { }, TaskScheduler.Default);
                Console.Error.WriteLine($"(h) search: {kinds.Count} kinds, under load");
                report.SearchLoaded = await RunAsync(kinds, clients, settings.SearchRequests, signals);
            }
            finally
            {
                await loadStop.CancelAsync();
            }
            report.SearchLoad = await load;
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
    }

    private static async Task<IReadOnlyList<LaneResult>> RunAsync(IReadOnlyList<Kind> kinds, Dictionary<string, StaffClient> clients, int requests, Signals signals)
    {
        var results = new List<LaneResult>();
        foreach (var kind in kinds)
        {
            if (signals.Stop.IsCancellationRequested) break;
            var detail = $"as {kind.User}: `{kind.PathOf(0)}`";
            try
            {
                var probes = await MeasureAsync(clients[kind.User], kind, requests, signals);
                results.Add(new LaneResult(kind.Path, detail, probes, null));
                Console.Error.WriteLine($"(h) {kind.Path} as {kind.User}: {probes}");
            }
            catch (Exception ex) when (!signals.Abort.IsCancellationRequested)
            {
                var failure = ex is InvalidOperationException ? ex.Message : $"{ex.GetType().Name}: {ex.GetBaseException().Message}";
                results.Add(new LaneResult(kind.Path, detail, null, failure));
                Console.Error.WriteLine($"(h) {kind.Path} as {kind.User} failed: {failure}");
            }
        }
        return results;
    }

    /// <summary>Sends the kind's requests one after another; a request not answered within the loss timeout counts as lost.</summary>
    private static async Task<ProbeSummary> MeasureAsync(StaffClient client, Kind kind, int requests, Signals signals)
    {
        var latencies = new List<double>(requests);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < requests && clock.Elapsed < KindBudget && !signals.Stop.IsCancellationRequested)
        {
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(signals.Abort);
            lost.CancelAfter(ProbeLoop.LossTimeout);
            sent++;
            try { latencies.Add((await client.GetAsync(kind.PathOf(sent - 1), lost.Token)).Latency.TotalMilliseconds); }
            catch (OperationCanceledException) when (!signals.Abort.IsCancellationRequested) { break; }
        }
        var elapsed = clock.Elapsed;
        double[] sorted = [.. latencies.Order(), .. Enumerable.Repeat(double.PositiveInfinity, sent - latencies.Count)];
        return new ProbeSummary(1, sent, latencies.Count, 0, elapsed,
            Quantiles.At(sorted, 0.50), Quantiles.At(sorted, 0.95), Quantiles.At(sorted, 0.99), Quantiles.At(sorted, 1));
    }

    /// <summary>The worst p99 of a phase, with its kind, for the targets table.</summary>
    public static LaneResult? Worst(IReadOnlyList<LaneResult>? results) =>
        results?.Where(r => r.Probes is not null).MaxBy(r => r.Probes!.P99Ms);

    internal static string Label(LaneResult r) => string.Create(CultureInfo.InvariantCulture, $"{r.Path} ({r.Detail.Split(':')[0]})");
}
