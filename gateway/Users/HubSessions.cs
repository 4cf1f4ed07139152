using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Users;

/// <summary>
/// The open console connections of this gateway and who holds them, so that the connections of a user whose
/// sessions ended can be closed (<see cref="UserStateCache"/>). Fed by <see cref="HubSessionFilter"/>.
/// </summary>
public sealed class HubSessions
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(HubCallerContext context) => _connections[context.ConnectionId] = context;

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Aborts every connection whose user <paramref name="refusal"/> refuses; returns how many.</summary>
    public int CloseWhere(Func<ClaimsPrincipal, string?> refusal)
    {
        var closed = 0;
        foreach (var (id, context) in _connections)
        {
            if (context.User is not { } user || refusal(user) is null) continue;
            context.Abort();
            Remove(id);
            closed++;
        }
        return closed;
    }
}
