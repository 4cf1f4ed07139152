using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360.Feeder.Bench;

/// <summary>
/// <see cref="EchoHub"/> on Kestrel inside the feeder, on a free loopback port, and its echo clients: what
/// SignalR alone costs on this machine, next to the consoles' latency. In the feeder rather than the gateway,
/// which serves no benchmark-only hub.
/// </summary>
public sealed class EchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private HubFleet? _clients;

    private EchoServer(WebApplication app) => _app = app;

    public int Dropped => _clients?.Dropped ?? 0;

    /// <summary>Starts the hub and connects <paramref name="clients"/> clients to it.</summary>
    public static async Task<EchoServer> StartAsync(int clients, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<EchoHub>("/echo");
        var server = new EchoServer(app);
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            server._clients = await HubFleet.OpenAsync(new Uri(new Uri(address), "/echo"), clients, accessToken: null, (_, _, _) => Task.CompletedTask, ct);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A <see cref="ProbeLoop.Probe"/>: one <c>Echo</c> round trip on client <paramref name="client"/>.</summary>
    public async Task<TimeSpan> ProbeAsync(int client, long sequence, CancellationToken lost)
    {
        var connection = _clients![client];
        var started = Stopwatch.GetTimestamp();
        long echoed;
        try
        {
            echoed = await connection.InvokeAsync<long>(nameof(EchoHub.Echo), sequence, lost);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && connection.State != HubConnectionState.Connected)
        {
            // A dropped connection (counted in Dropped) answers no more: its probe is lost, as a dropped
            // console's is, rather than failing the step. The delay ends only by the loss timeout.
            await Task.Delay(Timeout.Infinite, lost);
            throw;
        }
        var roundTrip = Stopwatch.GetElapsedTime(started);
        return echoed == sequence ? roundTrip : throw new InvalidOperationException($"the echo hub answered {echoed} to {sequence}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_clients is not null) await _clients.DisposeAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
