using Customer360.Feeder;
using Customer360.Feeder.Commands;

// Subcommands; with none (or options first) it is the demo feed, exactly as run.sh starts it.
const string Usage = """
    usage: Customer360.Feeder [demo] --gateway URL --customers N --rate R     the demo feed (run.sh)
           Customer360.Feeder populate --customers N [--start K] [--batch B] [--concurrency C]
           Customer360.Feeder load --customers N [--start K] (--rate R | --max) [--duration S] [--batch B] [--concurrency C]
           Customer360.Feeder file PATH [--batch B] [--concurrency C]
           Customer360.Feeder generate --customers N --events M --out PATH [--start K]
           Customer360.Feeder bench [--customers N] [--duration S] [--memory-customers N] [--consoles N] [--silo-pid PID] [--out PATH] ...
    Every command that posts takes --gateway URL (default http://127.0.0.1:5080) and reads the producer key
    from C360_INGEST_KEY. bench also reads the PostgreSQL connection string from C360_BENCH_PG.
    """;

// Not disposed: the exit handlers below may still fire while the process winds down.
var stop = new CancellationTokenSource();
var abort = new CancellationTokenSource();
// First Ctrl-C: stop sending and sum up what was answered; second: give up on requests in flight too.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    if (stop.IsCancellationRequested) abort.Cancel();
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    stop.Cancel();
    abort.Cancel();
};
var signals = new Signals(stop.Token, abort.Token);

try
{
    return args switch
    {
        [] or ["demo", ..] => await DemoCommand.RunAsync(args is ["demo", ..] ? args[1..] : args, signals),
        [var first, ..] when first.StartsWith("--", StringComparison.Ordinal) && first is not ("--help" or "-h") => await DemoCommand.RunAsync(args, signals),
        ["populate", .. var rest] => await PopulateCommand.RunAsync(rest, signals),
        ["load", .. var rest] => await LoadCommand.RunAsync(rest, signals),
        ["file", .. var rest] => await FileCommand.RunAsync(rest, signals),
        ["generate", .. var rest] => await GenerateCommand.RunAsync(rest, signals),
        ["bench", .. var rest] => await BenchCommand.RunAsync(rest, signals),
        ["help" or "--help" or "-h", ..] => Help(),
        [var other, ..] => throw new UsageException($"unknown command '{other}'; expected demo, populate, load, file, generate or bench"),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"feeder: {ex.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (OperationCanceledException) when (abort.IsCancellationRequested)
{
    Console.Error.WriteLine("feeder: aborted");
    return 130;
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine($"feeder: {ex.Message}");
    return 1;
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}
