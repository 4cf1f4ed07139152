using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Users;

/// <summary>
/// Tracks each console connection in <see cref="HubSessions"/>, and refuses a hub call from a user whose
/// sessions ended since the connection opened (the sweep that closes it may be a few seconds away).
/// </summary>
public sealed class HubSessionFilter(HubSessions sessions, UserStateCache states) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        sessions.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        sessions.Remove(context.Context.ConnectionId);
        await next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.Context.User is { } user && states.RefusalOf(user) is { } why)
        {
            context.Context.Abort();
            throw new HubException($"session ended: {why}");
        }
        return next(context);
    }
}
