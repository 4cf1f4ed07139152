using Customer360.Contracts.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// The hub's twin of <see cref="StoreUnavailableHandler"/>: a hub call that fails because PostgreSQL or the cluster
/// is down answers the console "the customer store is unavailable; try again in N seconds" (a <c>HubException</c>,
/// whose words SignalR passes on) rather than SignalR's anonymous "an unexpected error occurred". Recognised as for
/// REST: by <see cref="StoreOutage"/>, or by PostgreSQL not answering a probe right now.
/// </summary>
public sealed partial class StoreUnavailableHubFilter(NpgsqlDataSource dataSource, IOptions<HealthOptions> options,
    ILogger<StoreUnavailableHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not HubException && !context.Context.ConnectionAborted.IsCancellationRequested)
        {
            if (!StoreOutage.Is(ex) && await StoreProbe.AnswersAsync(dataSource, options.Value.ProbeTimeout, context.Context.ConnectionAborted)) throw;
            LogOutage(logger, context.HubMethodName, StoreOutage.Describe(ex));
            throw new HubException($"the customer store is unavailable; try again in {options.Value.RetryAfterSeconds} seconds");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {Method} refused: the store is down ({Exception})")]
    private static partial void LogOutage(ILogger logger, string method, string exception);
}
