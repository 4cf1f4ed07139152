using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// A console following one work-order inbox on <c>/hubs/console</c>, signed in as the user of the client it
/// is opened with. It checks, as a console would, that every notice carries a higher version than the last.
/// </summary>
internal sealed class WorkOrderConsole : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly Channel<JsonElement> _notices;

    /// <summary>The version last seen: the snapshot's, then each notice's.</summary>
    public long Version { get; private set; }

    public JsonElement Snapshot { get; }

    private WorkOrderConsole(HubConnection hub, Channel<JsonElement> notices, JsonElement snapshot)
    {
        _hub = hub;
        _notices = notices;
        Snapshot = snapshot;
        Version = snapshot.GetProperty("version").GetInt64();
    }

    public static async Task<WorkOrderConsole> OpenAsync(SystemFixture system, HttpClient signedIn, string topic, TimeSpan timeout)
    {
        var token = signedIn.DefaultRequestHeaders.Authorization?.Parameter;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(system.Gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        var notices = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("workOrderChanged", m => notices.Writer.TryWrite(m));
        await hub.StartAsync().WaitAsync(timeout);
        var snapshot = await hub.InvokeAsync<JsonElement>("Subscribe", topic).WaitAsync(timeout);
        return new WorkOrderConsole(hub, notices, snapshot);
    }

    /// <summary>Waits for the next notice that names <paramref name="orderId"/>, checking versions only go up.</summary>
    public async Task<JsonElement> NextAboutAsync(string orderId, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var notice = await _notices.Reader.ReadAsync(deadline.Token).AsTask().WaitAsync(timeout);
            var version = notice.GetProperty("version").GetInt64();
            Assert.True(version > Version, $"notice version {version} is not above {Version}: {notice}");
            Version = version;
            if (notice.GetProperty("changed").EnumerateArray().Any(c => c.GetString() == orderId)) return notice;
        }
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
