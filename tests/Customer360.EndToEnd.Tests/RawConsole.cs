using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// A console that speaks SignalR's JSON protocol over a bare WebSocket, so that a test decides when it reads: between
/// reads its socket does not drain, as with a console on a stalled network or a frozen browser tab. Its TCP receive
/// buffer is made small, so that the gateway's writes block after little data. It keeps the connection alive
/// (pings) while it does not read.
/// </summary>
internal sealed class RawConsole : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly StringBuilder _pending = new();
    private readonly Queue<JsonElement> _messages = new();
    private readonly byte[] _buffer = new byte[4096];
    private readonly Task _pings;
    private int _invocations;

    private RawConsole(ClientWebSocket socket)
    {
        _socket = socket;
        // The gateway closes a connection it has not heard from for 30 s (SignalR's client timeout).
        _pings = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
                    await SendAsync("{\"type\":6}");
                }
                catch (OperationCanceledException) { return; }
                catch (WebSocketException) { return; }
            }
        });
    }

    public static async Task<RawConsole> ConnectAsync(TestGateway gateway, string token)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                // Set before connecting: a fixed buffer also turns off Linux's receive-window autotuning.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/hubs/console", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;
        await socket.ConnectAsync(uri, new HttpMessageInvoker(handler), CancellationToken.None).WaitAsync(Timeout);
        var console = new RawConsole(socket);
        await console.SendAsync("{\"protocol\":\"json\",\"version\":1}");
        var handshake = await console.NextAsync();
        Assert.False(handshake.TryGetProperty("error", out var error), $"handshake refused: {error}");
        return console;
    }

    /// <summary>Subscribes to <paramref name="topic"/> and waits for the answer, reading whatever comes before it.</summary>
    public async Task SubscribeAsync(string topic)
    {
        var id = (++_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target = "Subscribe", arguments = new[] { topic } }));
        while (true)
        {
            var m = await NextAsync();
            if (m.GetProperty("type").GetInt32() != 3 || m.GetProperty("invocationId").GetString() != id) continue;
            Assert.False(m.TryGetProperty("error", out var error), $"Subscribe {topic}: {error}");
            return;
        }
    }

    /// <summary>The next hub message (invocations, completions; pings are skipped), reading the socket as needed.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            while (_messages.TryDequeue(out var queued))
                if (!queued.TryGetProperty("type", out var type) || type.GetInt32() != 6) return queued;
            var read = await _socket.ReceiveAsync(_buffer, cts.Token);
            if (read.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException($"the gateway closed the connection: {_socket.CloseStatusDescription}");
            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, read.Count));
            var text = _pending.ToString();
            var end = text.LastIndexOf(Separator);
            if (end < 0) continue;
            foreach (var frame in text[..end].Split(Separator)) _messages.Enqueue(JsonDocument.Parse(frame).RootElement.Clone());
            _pending.Clear().Append(text[(end + 1)..]);
        }
    }

    /// <summary>
    /// The next server message invoking <paramref name="target"/> (e.g. <c>resync</c>), and how many other invocations came
    /// before it; fails on a resync met on the way to another target.
    /// </summary>
    public async Task<(JsonElement Arguments, int Skipped)> NextInvocationAsync(string target)
    {
        var skipped = 0;
        while (true)
        {
            var m = await NextAsync();
            if (m.GetProperty("type").GetInt32() != 1) continue;
            var name = m.GetProperty("target").GetString();
            if (name == target) return (m.GetProperty("arguments")[0], skipped);
            // A resync is never skipped unnoticed: a test waiting for a notice must not read past one.
            Assert.NotEqual("resync", name);
            skipped++;
        }
    }

    private async Task SendAsync(string message)
    {
        await _sendLock.WaitAsync(Timeout);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, true, CancellationToken.None).WaitAsync(Timeout);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pings;
        _socket.Abort();
        _socket.Dispose();
    }
}
