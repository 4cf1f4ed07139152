using System.Text.Json;
using System.Threading.Channels;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// A console as the dashboard runs one: a SignalR connection signed in as a demo user, collecting every push
/// it receives (each kind of the hub's server messages) in arrival order.
/// </summary>
internal sealed class TestConsole : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly string[] Kinds = ["profileChanged", "walkIn", "alertChanged", "tierChanged", "workOrderChanged", "resync"];

    private TestConsole(HubConnection hub, string? token) => (Hub, Token) = (hub, token);

    public HubConnection Hub { get; }

    /// <summary>The bearer token the connection signed in with.</summary>
    public string? Token { get; }

    /// <summary>Every push, in arrival order: the hub method name and its message.</summary>
    public Channel<(string Kind, JsonElement Message)> Pushes { get; } = Channel.CreateUnbounded<(string, JsonElement)>();

    /// <summary>Connects signed in as <paramref name="userName"/>, or anonymously when null.</summary>
    public static async Task<TestConsole> ConnectAsync(TestGateway gateway, string? userName)
    {
        var token = userName is null ? null : await gateway.SignInAsync(userName);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        var console = new TestConsole(hub, token);
        foreach (var kind in Kinds) hub.On<JsonElement>(kind, m => console.Pushes.Writer.TryWrite((kind, m)));
        await hub.StartAsync().WaitAsync(Timeout);
        return console;
    }

    public Task<JsonElement> SubscribeAsync(string topic) => Hub.InvokeAsync<JsonElement>("Subscribe", topic).WaitAsync(Timeout);

    /// <summary>The next push of <paramref name="kind"/> on <paramref name="topic"/> that satisfies <paramref name="match"/>, skipping others.</summary>
    public async Task<JsonElement> NextAsync(string kind, string topic, Func<JsonElement, bool>? match = null)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var (k, m) = await Pushes.Reader.ReadAsync(cts.Token);
            if (k == kind && m.GetProperty("topic").GetString() == topic && (match?.Invoke(m) ?? true)) return m;
        }
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
