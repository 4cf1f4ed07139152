using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Many SignalR connections to one hub, as cheap as they come: WebSockets straight away (skipping negotiation
/// saves a request and a connection id per client), opened a few dozen at a time so that a thousand handshakes
/// do not all queue at the server at once. Counts the connections that close before the fleet is disposed.
/// </summary>
public sealed class HubFleet : IAsyncDisposable
{
    private const int OpenParallelism = 32;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(30);
    private readonly HubConnection[] _connections;
    private int _dropped;
    private volatile bool _disposing;

    private HubFleet(HubConnection[] connections) => _connections = connections;

    public HubConnection this[int index] => _connections[index];

    /// <summary>Connections closed (by the server, a timeout, a broken socket) while the fleet was in use.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>
    /// Opens <paramref name="count"/> connections to <paramref name="hub"/>, each then set up by
    /// <paramref name="setUp"/> (handlers, subscriptions). The bearer token, if any, goes in every handshake.
    /// </summary>
    public static async Task<HubFleet> OpenAsync(Uri hub, int count, string? accessToken, Func<int, HubConnection, CancellationToken, Task> setUp,
        CancellationToken ct)
    {
        var fleet = new HubFleet([.. Enumerable.Range(0, count).Select(_ => new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                if (accessToken is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build())]);
        var options = new ParallelOptions { MaxDegreeOfParallelism = OpenParallelism, CancellationToken = ct };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (i, token) =>
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(OpenTimeout);
                var connection = fleet._connections[i];
                try
                {
                    await connection.StartAsync(timeout.Token);
                    connection.Closed += fleet.OnClosed;
                    await setUp(i, connection, timeout.Token);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"connection {i + 1} of {count} to {hub} failed: {(timeout.IsCancellationRequested ? $"not ready within {OpenTimeout.TotalSeconds:N0} s" : ex.GetBaseException().Message)}"), ex);
                }
            });
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
        return fleet;
    }

    private Task OnClosed(Exception? error)
    {
        if (!_disposing) Interlocked.Increment(ref _dropped);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = OpenParallelism },
            async (connection, _) => await connection.DisposeAsync());
    }
}
