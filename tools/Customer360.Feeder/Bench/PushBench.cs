using System.Globalization;
using Customer360.Feeder.Commands;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Step (f), two measurements run alike: consoles on the gateway's hub, timed from an event's POST to its
/// <c>profileChanged</c>; then a bare echo hub in this process. Both use the same number of connections, the
/// same probe rate and the same background load (80% of (a)), so that both meet the same contention for the
/// machine's cores.
/// </summary>
public static class PushBench
{
    /// <summary>Probes a second, spread over the connections: a trickle beside the background load.</summary>
    public const double ProbesPerSecond = 50;

    /// <summary>The load runs this long before the first probe, so that probes meet it at its steady rate.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    // Probe requests in flight at once: the probe rate times a request's latency under load, with room to spare.
    private const int ProbeConnections = 32;

    public static async Task MeasureConsolesAsync(BenchReport report, BenchSettings settings, string apiKey, Signals signals)
    {
        var rate = LoadRate(report, settings);
        var first = settings.FirstProbeCustomer;
        var population = await BenchCommand.Gateway(settings, apiKey, (client, stats) => PopulateCommand.PopulateAsync(client, stats,
            first, settings.Consoles, BenchCommand.PopulateBatch, BenchCommand.PopulateConcurrency, signals));
        if (population.Rejected > 0) throw new InvalidOperationException($"registering the probe customers: {population.Rejected:N0} events rejected");
        var token = await GatewaySignIn.AdminTokenAsync(settings.Gateway, signals.Abort);
        var posts = new RunStats();
        using var ingest = new IngestClient(settings.Gateway, apiKey, ProbeConnections, posts);
        Console.Error.WriteLine($"(f) consoles: opening {settings.Consoles:N0} consoles");
        await using var consoles = await ConsoleProbes.OpenAsync(settings.Gateway, token, first, settings.Consoles, ingest, signals.Abort);
        (report.Push, report.PushLoad) = await UnderLoadAsync(settings, apiKey, rate, "(f) consoles", consoles.ProbeAsync, () => consoles.Dropped, signals);
        report.ProbePosts = posts.Finish();
    }

    public static async Task MeasureEchoAsync(BenchReport report, BenchSettings settings, string apiKey, Signals signals)
    {
        var rate = LoadRate(report, settings);
        Console.Error.WriteLine($"(f) echo: starting the echo hub and {settings.Consoles:N0} clients");
        await using var echo = await EchoServer.StartAsync(settings.Consoles, signals.Abort);
        (report.Echo, report.EchoLoad) = await UnderLoadAsync(settings, apiKey, rate, "(f) echo", echo.ProbeAsync, () => echo.Dropped, signals);
    }

    private static double LoadRate(BenchReport report, BenchSettings settings) =>
        settings.Consoles == 0 ? throw new InvalidOperationException("skipped (--consoles 0)")
        : report.PartLoadRate ?? throw new InvalidOperationException("needs the sustained rate of (a), which was not measured");

    /// <summary>Runs the probes while a usage load over the load population runs at <paramref name="rate"/>.</summary>
    private static async Task<(ProbeSummary Probes, RunSummary Load)> UnderLoadAsync(BenchSettings settings, string apiKey, double rate, string label,
        ProbeLoop.Probe probe, Func<int> dropped, Signals signals)
    {
        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop);
        var load = BenchCommand.Gateway(settings, apiKey, (client, stats) => LoadCommand.LoadAsync(client, stats,
            new LoadCommand.Settings(1, settings.Customers, rate, null, settings.Batch, settings.Concurrency), signals with { Stop = loadStop.Token }, label + " load"));
        ProbeSummary probes;
        try
        {
            try { await Task.Delay(Warmup, signals.Stop); }
            catch (OperationCanceledException) when (!signals.Abort.IsCancellationRequested) { }
            probes = await ProbeLoop.RunAsync(settings.Consoles, ProbesPerSecond, settings.PushDuration, probe, signals) with { Dropped = dropped() };
        }
        catch
        {
            await loadStop.CancelAsync();
            // The measurement's own failure is the one to report; the load's, if any, is secondary.
            try { await load; } catch (Exception) { }
            throw;
        }
        await loadStop.CancelAsync();
        var loadSummary = await load;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {probes}"));
        return (probes, loadSummary);
    }
}
