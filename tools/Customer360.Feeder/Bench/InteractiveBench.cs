using System.Globalization;
using Customer360.Feeder.Commands;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Step (g), the interactive lane: what a console user waits for while the bulk feed runs. Five lanes are probed
/// at once, each at a steady rate: one usage event in a request of its own, timed to its answer and to the
/// console's <c>profileChanged</c> (as in (f)); a profile read as an account manager; a walk-in at a store's
/// counter as that store's staff; an alert acknowledgement as the phone manager; and a bare SignalR echo in this
/// process, beside them. First with no feed running (idle), then during a usage load at 80% of (a).
/// </summary>
public static class InteractiveBench
{
    /// <summary>Consoles when (f) is skipped (<c>--consoles 0</c>).</summary>
    public const int FallbackConsoles = 100;

    public const string EventToConsole = "event-to-console";
    public const string ProfileRead = "profile GET";
    public const string WalkIn = "walk-in";
    public const string Acknowledge = "alert ack";
    public const string Echo = "bare echo";

    /// <summary>Probes a second per lane: together a trickle of 140 requests a second beside the feed's batches.</summary>
    public const double EventsPerSecond = PushBench.ProbesPerSecond;
    public const double ReadsPerSecond = 20;
    public const double WalkInsPerSecond = 10;
    public const double AcksPerSecond = 10;
    public const double EchoesPerSecond = PushBench.ProbesPerSecond;
    public const int EchoClients = FallbackConsoles;

    /// <summary>The idle phase runs this long (or the whole of --interactive-seconds, if shorter).</summary>
    public static readonly TimeSpan IdleDuration = TimeSpan.FromSeconds(10);

    /// <summary>Before the idle phase, for what an earlier step left queued (pushes, snapshots) to drain.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>The load runs this long before the first probe, so that probes meet it at its steady rate.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    // Staff-lane customers: at least this many, and no more open complaints each than needed for every
    // acknowledgement to take an open alert (a profile with hundreds of alerts would not be a usual read).
    private const int MinStaffCustomers = 100;
    private const int ComplaintsPerCustomer = 8;
    private const int ProbeConnections = 32;

    public static TimeSpan Idle(BenchSettings settings) => settings.InteractiveDuration < IdleDuration ? settings.InteractiveDuration : IdleDuration;

    public static async Task MeasureAsync(BenchReport report, BenchSettings settings, string apiKey, Signals signals)
    {
        if (settings.InteractiveDuration == TimeSpan.Zero) throw new InvalidOperationException("skipped (--interactive-seconds 0)");
        var rate = report.PartLoadRate ?? throw new InvalidOperationException("needs the sustained rate of (a), which was not measured");
        var ct = signals.Abort;

        // The consoles' customers are (f)'s (registering them again changes nothing: the event ids are fixed).
        var consoles = settings.InteractiveConsoles;
        var registered = await BenchCommand.Gateway(settings, apiKey, (client, stats) => PopulateCommand.PopulateAsync(client, stats,
            settings.FirstProbeCustomer, consoles, BenchCommand.PopulateBatch, BenchCommand.PopulateConcurrency, signals));
        if (registered.Rejected > 0) throw new InvalidOperationException($"registering the probe customers: {registered.Rejected:N0} events rejected");

        var acks = (int)Math.Ceiling(AcksPerSecond * (Idle(settings) + settings.InteractiveDuration).TotalSeconds * 1.2) + 10;
        var staffCustomers = Math.Max(MinStaffCustomers, (acks + ComplaintsPerCustomer - 1) / ComplaintsPerCustomer);
        var complaints = Math.Max(1, (acks + staffCustomers - 1) / staffCustomers);
        using var admin = await StaffClient.SignInAsync(settings.Gateway, GatewaySignIn.Admin, ProbeConnections, ct);
        using var reader = await StaffClient.SignInAsync(settings.Gateway, GatewaySignIn.AccountManager, ProbeConnections, ct);
        using var clerk = await StaffClient.SignInAsync(settings.Gateway, GatewaySignIn.Store, ProbeConnections, ct);
        using var phoneManager = await StaffClient.SignInAsync(settings.Gateway, GatewaySignIn.PhoneManager, ProbeConnections, ct);
        StaffPopulation staff;
        using (var setup = new IngestClient(settings.Gateway, apiKey, 1, new RunStats()))
            staff = await StaffPopulation.RegisterAsync(setup, admin, settings.FirstStaffCustomer, staffCustomers, complaints, ct);
        Console.Error.WriteLine($"(g) interactive: {staff.Count} staff-lane customers with {staff.OpenAlerts:N0} open alerts; opening {consoles:N0} consoles and {EchoClients} echo clients");

        var token = await GatewaySignIn.AdminTokenAsync(settings.Gateway, ct);
        var posts = new RunStats();
        using var ingest = new IngestClient(settings.Gateway, apiKey, ProbeConnections, posts);
        await using var probes = await ConsoleProbes.OpenAsync(settings.Gateway, token, settings.FirstProbeCustomer, consoles, ingest, ct);
        await using var echo = await EchoServer.StartAsync(EchoClients, ct);
        var lanes = new Lanes(settings, staff, probes, echo, reader, clerk, phoneManager);
        report.InteractiveStaffCustomers = staff.Count;
        report.InteractiveComplaints = complaints;

        await Task.Delay(Settle, signals.Stop).ContinueWith(_ => { }, TaskScheduler.Default);
        Console.Error.WriteLine($"(g) interactive: idle for {Idle(settings).TotalSeconds:N0} s");
        var idleLanes = await lanes.RunAsync(Idle(settings), signals);
        report.InteractiveIdle = new InteractiveResult(idleLanes, posts.Finish(), null);
        Log("idle", report.InteractiveIdle);
        if (signals.Stop.IsCancellationRequested) return;

        var loadedPosts = new RunStats();
        using var loadedIngest = new IngestClient(settings.Gateway, apiKey, ProbeConnections, loadedPosts);
        probes.Ingest = loadedIngest;
        using var loadStop = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop);
        var load = BenchCommand.Gateway(settings, apiKey, (client, stats) => LoadCommand.LoadAsync(client, stats,
            new LoadCommand.Settings(1, settings.Customers, rate, null, settings.Batch, settings.Concurrency), signals with { Stop = loadStop.Token }, "(g) interactive load"));
        IReadOnlyList<LaneResult> loaded;
        try
        {
            await Task.Delay(Warmup, signals.Stop).ContinueWith(_ => { }, TaskScheduler.Default);
            Console.Error.WriteLine($"(g) interactive: under load for {settings.InteractiveDuration.TotalSeconds:N0} s");
            loaded = await lanes.RunAsync(settings.InteractiveDuration, signals);
        }
        finally
        {
            await loadStop.CancelAsync();
        }
        report.Interactive = new InteractiveResult(loaded, loadedPosts.Finish(), await load);
        Log("under load", report.Interactive);
        if (report.Interactive.Lanes.FirstOrDefault(l => l.Failure is not null) is { } failed)
            throw new InvalidOperationException($"the {failed.Path} lane failed: {failed.Failure}");
    }

    private static void Log(string phase, InteractiveResult result)
    {
        foreach (var lane in result.Lanes)
            Console.Error.WriteLine($"(g) {phase}: {lane.Path}: {(lane.Probes is { } p ? p.ToString() : lane.Failure)}");
    }

    /// <summary>The five lanes, run together for one phase.</summary>
    private sealed class Lanes(BenchSettings settings, StaffPopulation staff, ConsoleProbes consoles, EchoServer echo,
        StaffClient reader, StaffClient clerk, StaffClient phoneManager)
    {
        public async Task<IReadOnlyList<LaneResult>> RunAsync(TimeSpan duration, Signals signals)
        {
            var lanes = new[]
            {
                Lane(EventToConsole, $"{settings.InteractiveConsoles:N0} consoles as the admin; one `usage.data` event per POST", settings.InteractiveConsoles, EventsPerSecond, consoles.ProbeAsync),
                Lane(ProfileRead, $"`GET /api/v1/customers/{{id}}` as {reader.User}", staff.Count, ReadsPerSecond, ReadAsync),
                Lane(WalkIn, $"`POST /api/v1/stores/{GatewaySignIn.StoreId}/walk-ins` as {clerk.User}", staff.Count, WalkInsPerSecond, WalkInAsync),
                Lane(Acknowledge, $"`POST /api/v1/alerts/{{alertId}}/ack` as {phoneManager.User}, an open complaint alert each", staff.Count, AcksPerSecond, AcknowledgeAsync),
                Lane(Echo, $"{EchoClients} clients of the echo hub in the feeder", EchoClients, EchoesPerSecond, echo.ProbeAsync),
            };
            return await Task.WhenAll(lanes);

            async Task<LaneResult> Lane(string path, string detail, int targets, double perSecond, ProbeLoop.Probe probe)
            {
                try
                {
                    return new LaneResult(path, detail, await ProbeLoop.RunAsync(targets, perSecond, duration, probe, signals), null);
                }
                catch (Exception ex) when (!signals.Abort.IsCancellationRequested)
                {
                    return new LaneResult(path, detail, null, ex is InvalidOperationException ? ex.Message : $"{ex.GetType().Name}: {ex.GetBaseException().Message}");
                }
            }
        }

        private async Task<TimeSpan> ReadAsync(int customer, long sequence, CancellationToken lost) =>
            (await reader.GetAsync($"/api/v1/customers/{staff.CustomerId(customer)}", lost)).Latency;

        private async Task<TimeSpan> WalkInAsync(int customer, long sequence, CancellationToken lost) =>
            (await clerk.PostAsync($"/api/v1/stores/{GatewaySignIn.StoreId}/walk-ins", new { msisdn = staff.Msisdn(customer) }, lost)).Latency;

        private async Task<TimeSpan> AcknowledgeAsync(int customer, long sequence, CancellationToken lost)
        {
            var alert = staff.TakeAlert(customer)
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no open alert left for {staff.CustomerId(customer)}"));
            return (await phoneManager.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(alert)}/ack", new { customerId = staff.CustomerId(customer) }, lost)).Latency;
        }
    }
}
