using System.Collections.Concurrent;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>The console hub's session rules: an expired token ends the connection, and no token reaches a log.</summary>
[Collection(SystemCollection.Name)]
public sealed class HubSessionTests(SystemFixture system)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Keeps every log line of every category.</summary>
    private sealed class CapturingProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{formatter(state, exception)} {exception}");

        public void Dispose() { }
    }

    [Fact]
    public async Task a_console_is_disconnected_when_its_token_expires()
    {
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { ["Auth:TokenLifetime"] = "00:00:03" });
        await using var console = await TestConsole.ConnectAsync(gateway, "admin");
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Hub.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        await console.SubscribeAsync("tiers:north");
        await closed.Task.WaitAsync(Timeout);
        Assert.Equal(HubConnectionState.Disconnected, console.Hub.State);
    }

    [Fact]
    public async Task a_consoles_token_never_appears_in_the_gateway_log_even_at_the_most_verbose_level()
    {
        var capture = new CapturingProvider();
        var verbose = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" };
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, verbose, s =>
        {
            s.AddSingleton<ILoggerProvider>(capture);
            s.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Trace);
        });
        await Feed.PostAsync(system.Http, Registered("HT1", "ht1-reg"));
        string token;
        await using (var console = await TestConsole.ConnectAsync(gateway, "admin"))
        {
            token = console.Token!;
            await console.SubscribeAsync("customer:HT1");
            await Feed.PostAsync(system.Http, Data("HT1", "ht1-d1", 1));
        }
        Assert.NotEmpty(capture.Lines);
        var leaks = capture.Lines.Where(l => l.Contains(token, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "the token was logged:\n" + string.Join('\n', leaks.Take(3)));
    }
}
