using System.Security.Claims;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Users;

/// <summary>
/// Each gateway's copy of every user's state (disabled, sessions valid after, demo), re-read from
/// <c>c360_users</c> every <see cref="AuthOptions.UserStateRefresh"/>. Every bearer token is checked against it
/// (<see cref="RefusalOf"/>, from JwtBearer's OnTokenValidated), and after each refresh the open hub connections
/// of users it now refuses are closed: a disabled user's sessions end within one refresh period on every gateway.
/// </summary>
public sealed partial class UserStateCache(UserStore store, HubSessions hubSessions, IOptions<AuthOptions> options,
    ILogger<UserStateCache> logger) : BackgroundService
{
    private volatile IReadOnlyDictionary<string, UserState> _states = new Dictionary<string, UserState>();

    /// <summary>Why this principal's token is no longer good, or null when it is.</summary>
    public string? RefusalOf(ClaimsPrincipal user)
    {
        // Users of an external provider are managed there; a local user of the same name says nothing about them.
        if (user.Identity?.AuthenticationType == OidcAuthentication.SchemeName) return null;
        var name = user.FindFirstValue(ClaimTypes.Name);
        // Producers signing in with an API key carry no user; only tokens of users are checked here.
        if (name is null || !_states.TryGetValue(UserStore.Key(name), out var state)) return null;
        if (state.Disabled) return "the user is disabled";
        if (state.Demo && !options.Value.DemoMode) return "demo users sign in only in demo mode";
        var issuedAt = TokenIssuedAt.Of(user) ?? DateTimeOffset.MinValue;
        return issuedAt < state.SessionsValidAfter ? "the user's sessions were ended (disabled or password reset)" : null;
    }

    /// <summary>The first read happens before the gateway serves anything.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.UserStateRefresh);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await RefreshAsync(stoppingToken);
    }

    /// <summary>Re-reads the states now and closes the hub connections they refuse.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            _states = await store.StatesAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            // The last states stay in force; sign-in itself needs the database and fails meanwhile.
            LogRefreshFailed(logger, ex);
            return;
        }
        var closed = hubSessions.CloseWhere(RefusalOf);
        if (closed > 0) LogClosed(logger, closed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read user states; the previous ones stay in force")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Connections} console connections of disabled users or ended sessions")]
    private static partial void LogClosed(ILogger logger, int connections);
}
